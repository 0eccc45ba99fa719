package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.shared.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Block a range: until {@code expiresAt}, or for {@code duration}, or (both null) until unblocked. {@code force}
 * allows a range holding {@code requestAddress}, the address of the request making the block.
 */
public record BlockAddressCommand(IpRange range, String reason, Instant expiresAt, Duration duration, boolean force,
                                  String requestAddress) {
    public static final int MAX_REASON = 1000;

    public BlockAddressCommand {
        Objects.requireNonNull(range, "range");
        if (expiresAt != null && duration != null) {
            throw DomainException.invalidParam("Give expires_ts or duration_ms, not both");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw DomainException.invalidParam("duration_ms must be positive");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw DomainException.invalidParam("reason is longer than " + MAX_REASON + " characters");
        }
    }

    /** When the block ends, given the time of the request (null: never). */
    public Instant expiry(Instant now) {
        return duration != null ? now.plus(duration) : expiresAt;
    }
}
