package io.zhihang.application.config;

import io.zhihang.domain.ratelimit.RateLimit;

import java.util.Objects;

/**
 * How many wrong passwords may be tried on password-encrypted messages: {@code perMessage} counts one user's failures
 * on one message, {@code perUser} one user's failures on all messages. {@code enabled=false} switches both off
 * (with {@code zhihang.rate-limits.enabled}).
 */
public record DecryptAttemptSettings(boolean enabled, RateLimit perMessage, RateLimit perUser) {
    public DecryptAttemptSettings {
        Objects.requireNonNull(perMessage, "perMessage");
        Objects.requireNonNull(perUser, "perUser");
    }

    /**
     * Five failures on a message at once, then one every three minutes (five per quarter hour); twenty across all
     * messages at once, refilling at the same pace (twenty an hour).
     */
    public static DecryptAttemptSettings defaults() {
        return new DecryptAttemptSettings(true, new RateLimit(1.0 / 180, 5), new RateLimit(1.0 / 180, 20));
    }
}
