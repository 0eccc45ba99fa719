package io.zhihang.domain.ratelimit;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitOverrideTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void zero_messages_per_second_exempts() {
        assertThat(new RateLimitOverride(0, 0).limit()).isEmpty();
        assertThat(new RateLimitOverride(0, 7).limit()).isEmpty();
    }

    @Test
    void other_values_are_the_users_own_limit() {
        RateLimiter limiter = new RateLimiter(new RateLimit(1000, 1000));
        RateLimit own = new RateLimitOverride(1, 2).limit().orElseThrow();
        limiter.acquire("u", NOW, own);
        limiter.acquire("u", NOW, own);
        assertThatThrownBy(() -> limiter.acquire("u", NOW, own)).isInstanceOf(RateLimitedException.class);
        limiter.acquire("u", NOW.plusSeconds(1), own);
    }

    @Test
    void negative_values_are_refused() {
        assertThatThrownBy(() -> new RateLimitOverride(-1, 0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new RateLimitOverride(0, -1)).isInstanceOf(DomainException.class);
    }
}
