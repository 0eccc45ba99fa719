package io.zhihang.domain.delayed;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.RateLimitedException;

import java.time.Duration;
import java.time.Instant;

/**
 * The server's limits on delayed events: the longest delay (Synapse's {@code max_event_delay_duration}; Synapse
 * refuses delayed events when it is unset, we allow 30 days by default) and how many a user may have scheduled at
 * once (MSC4140 asks for such a limit against resource exhaustion).
 */
public record DelayPolicy(Duration maxDelay, int maxScheduledPerUser) {
    public static final DelayPolicy DEFAULTS = new DelayPolicy(Duration.ofDays(30), 100);

    public DelayPolicy {
        if (maxDelay == null || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("The maximum delay must be positive");
        }
        if (maxScheduledPerUser < 1) {
            throw new IllegalArgumentException("Users must be allowed at least one scheduled event");
        }
    }

    /** A delay given in milliseconds: positive and at most {@link #maxDelay}. */
    public Duration delayOf(long millis) {
        if (millis <= 0) {
            throw DomainException.invalidParam("The delay must be an integer greater than zero");
        }
        Duration delay = Duration.ofMillis(millis);
        if (delay.compareTo(maxDelay) > 0) {
            throw new MaxDelayExceededException(maxDelay);
        }
        return delay;
    }

    /** The delay from {@code now} until {@code dueAt} (to the millisecond), which must lie in the future. */
    public Duration delayUntil(Instant dueAt, Instant now) {
        long millis = dueAt.toEpochMilli() - now.toEpochMilli();
        if (millis <= 0) {
            throw DomainException.invalidParam("The scheduled time must be in the future");
        }
        return delayOf(millis);
    }

    /**
     * One more may be scheduled while the user has fewer than {@link #maxScheduledPerUser}; otherwise the answer is
     * 429 {@code M_LIMIT_EXCEEDED}, retrying when the user's next one is due ({@code nextDue}).
     */
    public void ensureRoomFor(int scheduled, Instant nextDue, Instant now) {
        if (scheduled >= maxScheduledPerUser) {
            Duration wait = nextDue == null || !nextDue.isAfter(now) ? Duration.ofSeconds(1)
                    : Duration.between(now, nextDue);
            throw new RateLimitedException(wait, "The maximum number of delayed events has been reached.");
        }
    }
}
