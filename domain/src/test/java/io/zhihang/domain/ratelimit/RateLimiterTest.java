package io.zhihang.domain.ratelimit;

import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** Three at once, then one a second. */
    private final RateLimiter limiter = new RateLimiter(new RateLimit(1.0, 3));

    @Test
    void allows_a_burst_then_refuses_with_the_time_until_one_more_fits() {
        burst("10.0.0.1", 3, T0);

        RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.acquire("10.0.0.1", T0));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_wait_shrinks_as_the_bucket_drains() {
        burst("10.0.0.1", 3, T0);

        assertThat(limiter.tryAcquire("10.0.0.1", T0.plusMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("10.0.0.1", T0.plusMillis(875))).isEqualTo(Duration.ofMillis(125));
        assertThat(limiter.tryAcquire("10.0.0.1", T0.plusMillis(1000))).isZero();
    }

    @Test
    void a_refused_action_is_not_counted() {
        burst("10.0.0.1", 3, T0);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1", T0)).isPositive();
        }

        assertThat(limiter.tryAcquire("10.0.0.1", T0.plusSeconds(1))).isZero();
    }

    @Test
    void drains_at_the_configured_rate() {
        burst("10.0.0.1", 3, T0);

        assertThatCode(() -> limiter.acquire("10.0.0.1", T0.plusSeconds(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1", T0.plusSeconds(1)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void a_full_drain_gives_a_whole_new_burst() {
        burst("10.0.0.1", 3, T0);

        burst("10.0.0.1", 3, T0.plusSeconds(3));

        assertThatThrownBy(() -> limiter.acquire("10.0.0.1", T0.plusSeconds(3)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void keys_have_independent_buckets() {
        burst("10.0.0.1", 3, T0);

        assertThatCode(() -> burst("10.0.0.2", 3, T0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1", T0)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void ensure_room_checks_without_counting() {
        for (int i = 0; i < 10; i++) {
            limiter.ensureRoom("10.0.0.1", T0);
        }
        burst("10.0.0.1", 3, T0);

        RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                () -> limiter.ensureRoom("10.0.0.1", T0.plusMillis(250)));

        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void rounds_fractional_waits_up_to_the_millisecond_with_synapse_failed_login_defaults() {
        RateLimiter failedLogins = new RateLimiter(new RateLimit(0.17, 3));
        for (int i = 0; i < 3; i++) {
            failedLogins.acquire("@alice:example.org", T0);
        }

        // (3 + 1 - 3) / 0.17 s = 5.88235... s
        assertThat(failedLogins.tryAcquire("@alice:example.org", T0)).isEqualTo(Duration.ofMillis(5883));
    }

    @Test
    void a_clock_that_steps_back_does_not_refill_the_bucket() {
        burst("10.0.0.1", 3, T0);

        assertThat(limiter.tryAcquire("10.0.0.1", T0.minusSeconds(10))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void needs_a_positive_rate_and_burst() {
        assertThatThrownBy(() -> new RateLimit(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void burst(String key, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            limiter.acquire(key, at);
        }
    }
}
