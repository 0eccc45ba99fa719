package io.zhihang.domain.ratelimit;

import io.zhihang.domain.shared.DomainException;

import java.util.Optional;

/**
 * Synapse's per-user rate limit override ({@code ratelimit_override}): {@code messagesPerSecond} actions a second
 * with bursts of {@code burstCount}, replacing the configured per-user limits for that user; both zero exempts the
 * user from them.
 */
public record RateLimitOverride(int messagesPerSecond, int burstCount) {
    public RateLimitOverride {
        if (messagesPerSecond < 0) {
            throw DomainException.invalidParam("messages_per_second is not a positive integer.");
        }
        if (burstCount < 0) {
            throw DomainException.invalidParam("burst_count is not a positive integer.");
        }
    }

    /** The limit to apply, or empty when the user is exempt. */
    public Optional<RateLimit> limit() {
        if (messagesPerSecond == 0) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(messagesPerSecond, Math.max(1, burstCount)));
    }
}
