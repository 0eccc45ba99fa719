package io.zhihang.application.port.out.sync;

/**
 * The latest positions of the stored streams sync reads, in one round trip: account data, receipts, presence, the
 * user's push rules version, to-device messages and the device-list stream. Each writer of those streams commits in
 * position order, so everything at or before a head read here is visible.
 */
public interface StreamHeads {
    Heads read(String userId);

    record Heads(long accountData, long receipts, long presence, long pushRules, long toDevice,
                 long deviceLists) {
    }
}
