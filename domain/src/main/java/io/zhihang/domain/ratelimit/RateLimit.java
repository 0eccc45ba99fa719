package io.zhihang.domain.ratelimit;

/**
 * A leaky-bucket limit as Synapse configures them ({@code rc_login}, {@code rc_registration}):
 * {@code burstCount} actions at once, refilling at {@code perSecond}.
 */
public record RateLimit(double perSecond, int burstCount) {
    public RateLimit {
        if (perSecond <= 0 || burstCount < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and burst count");
        }
    }
}
