package io.zhihang.domain.push;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a push gateway again after it failed, as Synapse's {@code HttpPusher}: the first retry after
 * {@code initialDelay}, then waits that double up to {@code maxDelay}; once the gateway has failed for
 * {@code giveUpAfter}, the notification being sent is skipped (so that a gateway that comes back is not flooded with
 * stale notifications) and the next one is tried. The wait is derived from how long the gateway has been failing
 * (never shorter than {@code initialDelay}), so only the time of the first failure needs to be kept: failing since
 * {@code t}, attempts happen at {@code t+1s, t+2s, t+4s, t+8s, …}.
 */
public record PushRetryPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {
    /** Synapse's {@code INITIAL_BACKOFF_SEC}, {@code MAX_BACKOFF_SEC} and {@code GIVE_UP_AFTER_MS}. */
    public static final PushRetryPolicy SYNAPSE = new PushRetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1),
            Duration.ofHours(24));

    public PushRetryPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("Push retry delays must be positive and the maximum not below the first");
        }
    }

    /** Whether a gateway failing since {@code failingSince} has failed long enough to skip the notification. */
    public boolean givesUp(Instant failingSince, Instant now) {
        return failingSince.isBefore(now.minus(giveUpAfter));
    }

    /** When to try again a gateway that failed at {@code now} and has been failing since {@code failingSince}. */
    public Instant nextAttempt(Instant failingSince, Instant now) {
        Duration failing = Duration.between(failingSince, now);
        Duration wait = failing.compareTo(initialDelay) < 0 ? initialDelay
                : failing.compareTo(maxDelay) > 0 ? maxDelay : failing;
        return now.plus(wait);
    }
}
