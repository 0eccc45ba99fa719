package io.zhihang.application.service.lifecycle;

import io.zhihang.application.config.DecryptAttemptSettings;
import io.zhihang.domain.ratelimit.RateLimit;
import io.zhihang.domain.shared.EventId;
import io.zhihang.domain.shared.RateLimitedException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DecryptAttemptsTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final UserId BOB = UserId.parse("@bob:example.org");
    private static final EventId MESSAGE = EventId.parse("$message1:example.org");
    private static final EventId OTHER = EventId.parse("$message2:example.org");

    private final DecryptAttempts attempts = new DecryptAttempts(DecryptAttemptSettings.defaults());
    private final AtomicInteger derivations = new AtomicInteger();

    @Test
    void five_wrong_passwords_on_a_message_then_429_with_three_minutes_to_wait() {
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.attempt(ALICE, MESSAGE, T0, this::wrongPassword)).isEmpty();
        }

        RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                () -> attempts.attempt(ALICE, MESSAGE, T0, this::rightPassword));

        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(180));
        assertThat(derivations).as("a refused attempt derives no key").hasValue(5);
    }

    @Test
    void after_the_wait_one_more_guess_is_allowed() {
        fail(ALICE, MESSAGE, 5, T0);

        assertThat(attempts.attempt(ALICE, MESSAGE, T0.plusSeconds(180), this::rightPassword)).contains("hello");
        assertThat(attempts.attempt(ALICE, MESSAGE, T0.plusSeconds(180), this::wrongPassword)).isEmpty();
        assertThatThrownBy(() -> attempts.attempt(ALICE, MESSAGE, T0.plusSeconds(180), this::rightPassword))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void the_count_is_per_user_and_message() {
        fail(ALICE, MESSAGE, 5, T0);

        assertThat(attempts.attempt(ALICE, OTHER, T0, this::rightPassword)).contains("hello");
        assertThat(attempts.attempt(BOB, MESSAGE, T0, this::rightPassword)).contains("hello");
    }

    @Test
    void successful_openings_are_never_limited() {
        for (int i = 0; i < 100; i++) {
            assertThat(attempts.attempt(ALICE, MESSAGE, T0, this::rightPassword)).contains("hello");
        }
    }

    @Test
    void twenty_failures_across_messages_stop_the_user_everywhere() {
        for (int i = 0; i < 20; i++) {
            fail(ALICE, EventId.parse("$spray" + i + ":example.org"), 1, T0);
        }

        RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                () -> attempts.attempt(ALICE, EventId.parse("$fresh:example.org"), T0, this::rightPassword));

        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(180));
        assertThat(attempts.attempt(BOB, EventId.parse("$fresh:example.org"), T0, this::rightPassword))
                .contains("hello");
    }

    @Test
    void a_second_attempt_on_the_same_message_while_one_runs_is_refused() {
        Optional<String> outer = attempts.attempt(ALICE, MESSAGE, T0, () -> {
            RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                    () -> attempts.attempt(ALICE, MESSAGE, T0, this::wrongPassword));
            assertThat(refusal.retryAfter()).isEqualTo(DecryptAttempts.IN_PROGRESS_RETRY);
            assertThat(attempts.attempt(ALICE, OTHER, T0, this::rightPassword)).contains("hello");
            return Optional.of("done");
        });

        assertThat(outer).contains("done");
        assertThat(attempts.attempt(ALICE, MESSAGE, T0, this::rightPassword)).as("released afterwards").isPresent();
    }

    @Test
    void a_failing_opening_releases_its_slot_and_counts_nothing() {
        assertThatThrownBy(() -> attempts.attempt(ALICE, MESSAGE, T0, () -> {
            throw new IllegalArgumentException("Unsupported sealing algorithm");
        })).isInstanceOf(IllegalArgumentException.class);

        fail(ALICE, MESSAGE, 5, T0);
    }

    @Test
    void switched_off_nothing_is_counted() {
        DecryptAttempts off = new DecryptAttempts(new DecryptAttemptSettings(false, new RateLimit(1.0 / 180, 5),
                new RateLimit(1.0 / 180, 20)));

        for (int i = 0; i < 50; i++) {
            assertThat(off.attempt(ALICE, MESSAGE, T0, this::wrongPassword)).isEmpty();
        }
    }

    private void fail(UserId user, EventId message, int times, Instant now) {
        for (int i = 0; i < times; i++) {
            assertThat(attempts.attempt(user, message, now, this::wrongPassword)).isEmpty();
        }
    }

    private Optional<String> wrongPassword() {
        derivations.incrementAndGet();
        return Optional.empty();
    }

    private Optional<String> rightPassword() {
        derivations.incrementAndGet();
        return Optional.of("hello");
    }
}
