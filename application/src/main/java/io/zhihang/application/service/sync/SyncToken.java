package io.zhihang.application.service.sync;

import io.zhihang.domain.shared.DomainException;

/**
 * A {@code since}/{@code next_batch} token: a position in each stream sync reads, written
 * {@code s<events>_<accountData>_<receipts>_<typing>_<presence>_<pushRules>_<toDevice>_<deviceLists>} (Synapse's shape;
 * opaque to clients). Streams added later parse as 0 from older tokens.
 */
public record SyncToken(long events, long accountData, long receipts, long typing, long presence, long pushRules,
                        long toDevice, long deviceLists) {
    private static final int PARTS = 8;

    public static final SyncToken ZERO = new SyncToken(0, 0, 0, 0, 0, 0, 0, 0);

    public static SyncToken parse(String token) {
        if (token == null || token.length() < 2 || token.charAt(0) != 's') {
            throw DomainException.invalidParam("Invalid since token");
        }
        String[] parts = token.substring(1).split("_", -1);
        if (parts.length > PARTS) {
            throw DomainException.invalidParam("Invalid since token");
        }
        long[] values = new long[PARTS];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw DomainException.invalidParam("Invalid since token");
            }
            if (values[i] < 0) {
                throw DomainException.invalidParam("Invalid since token");
            }
        }
        return new SyncToken(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
    }

    public String format() {
        return "s" + events + "_" + accountData + "_" + receipts + "_" + typing + "_" + presence + "_" + pushRules
                + "_" + toDevice + "_" + deviceLists;
    }

    /** This token with another to-device position (a response that delivered only part of the inbox). */
    public SyncToken withToDevice(long position) {
        return new SyncToken(events, accountData, receipts, typing, presence, pushRules, position, deviceLists);
    }

    /** Each position no further than {@code current}'s: a token from the future (or another server run) is clamped. */
    public SyncToken clampTo(SyncToken current) {
        return new SyncToken(Math.min(events, current.events), Math.min(accountData, current.accountData),
                Math.min(receipts, current.receipts), typing > current.typing ? 0 : typing,
                Math.min(presence, current.presence), Math.min(pushRules, current.pushRules),
                Math.min(toDevice, current.toDevice), Math.min(deviceLists, current.deviceLists));
    }
}
