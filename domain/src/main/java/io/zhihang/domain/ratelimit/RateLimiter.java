package io.zhihang.domain.ratelimit;

import io.zhihang.domain.shared.RateLimitedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaky buckets keyed by a string (an IP address, a user id). Synapse's algorithm: each action adds one to the
 * bucket, which drains at {@code perSecond}; an action that would overflow {@code burstCount} is refused with the
 * time until it would fit. Time is passed in, never read.
 */
public final class RateLimiter {
    private static final int SWEEP_THRESHOLD = 10_000;

    private final RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit limit) {
        this.limit = limit;
    }

    /** Records one action for {@code key}, or throws {@link RateLimitedException} if the bucket is full. */
    public void acquire(String key, Instant now) {
        Duration wait = tryAcquire(key, now);
        if (!wait.isZero()) {
            throw new RateLimitedException(wait);
        }
    }

    /** Records one action and returns {@link Duration#ZERO}, or returns how long to wait without recording it. */
    public Duration tryAcquire(String key, Instant now) {
        return tryAcquire(key, now, limit);
    }

    /**
     * Records one action for {@code key} against {@code own} instead of the shared limit (a user's rate limit
     * override), or throws {@link RateLimitedException} if the bucket is full.
     */
    public void acquire(String key, Instant now, RateLimit own) {
        Duration wait = tryAcquire(key, now, own);
        if (!wait.isZero()) {
            throw new RateLimitedException(wait);
        }
    }

    private Duration tryAcquire(String key, Instant now, RateLimit limit) {
        if (buckets.size() > SWEEP_THRESHOLD) {
            sweep(now);
        }
        Duration[] wait = {Duration.ZERO};
        buckets.compute(key, (k, bucket) -> {
            double level = bucket == null ? 0 : bucket.levelAt(now, limit.perSecond());
            Instant at = bucket == null || now.isAfter(bucket.at()) ? now : bucket.at();
            if (level + 1 > limit.burstCount()) {
                wait[0] = waitFor(level, limit);
                return new Bucket(level, at);
            }
            return new Bucket(level + 1, at);
        });
        return wait[0];
    }

    /** Throws {@link RateLimitedException} if an action would be refused now, without recording one. */
    public void ensureRoom(String key, Instant now) {
        Bucket bucket = buckets.get(key);
        double level = bucket == null ? 0 : bucket.levelAt(now, limit.perSecond());
        if (level + 1 > limit.burstCount()) {
            throw new RateLimitedException(waitFor(level, limit));
        }
    }

    private static Duration waitFor(double level, RateLimit limit) {
        double seconds = (level + 1 - limit.burstCount()) / limit.perSecond();
        return Duration.ofMillis(Math.max(1, (long) Math.ceil(seconds * 1000)));
    }

    private void sweep(Instant now) {
        buckets.entrySet().removeIf(e -> e.getValue().levelAt(now, limit.perSecond()) <= 0);
    }

    private record Bucket(double level, Instant at) {
        double levelAt(Instant now, double perSecond) {
            double elapsed = Math.max(0, Duration.between(at, now).toNanos() / 1e9);
            return Math.max(0, level - elapsed * perSecond);
        }
    }
}
