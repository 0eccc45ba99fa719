package io.zhihang.application.config;

import io.zhihang.domain.ratelimit.RateLimit;

/**
 * Synapse's {@code rc_login} (address, account, failed_attempts) and {@code rc_registration} limits.
 * {@code enabled=false} switches all of them off (tests, benchmarks).
 */
public record RateLimitSettings(boolean enabled, RateLimit loginAddress, RateLimit loginAccount,
                                RateLimit loginFailedAttempts, RateLimit registration) {

    /** Synapse's defaults. */
    public static RateLimitSettings synapseDefaults() {
        return new RateLimitSettings(true,
                new RateLimit(0.003, 5), new RateLimit(0.003, 5), new RateLimit(0.17, 3), new RateLimit(0.17, 3));
    }
}
