package io.zhihang.domain.push;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PushRetryPolicyTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final PushRetryPolicy POLICY = PushRetryPolicy.SYNAPSE;

    @Test
    void retries_start_after_a_second_and_double_up_to_an_hour() {
        assertThat(POLICY.nextAttempt(T, T)).isEqualTo(T.plusSeconds(1));
        assertThat(POLICY.nextAttempt(T, T.plusSeconds(1))).isEqualTo(T.plusSeconds(2));
        assertThat(POLICY.nextAttempt(T, T.plusSeconds(2))).isEqualTo(T.plusSeconds(4));
        assertThat(POLICY.nextAttempt(T, T.plusSeconds(4))).isEqualTo(T.plusSeconds(8));
        Instant late = T.plus(Duration.ofHours(5));
        assertThat(POLICY.nextAttempt(T, late)).isEqualTo(late.plus(Duration.ofHours(1)));
    }

    @Test
    void a_notification_is_given_up_after_a_day_of_failure() {
        assertThat(POLICY.givesUp(T, T.plus(Duration.ofHours(23)))).isFalse();
        assertThat(POLICY.givesUp(T, T.plus(Duration.ofHours(24)).plusMillis(1))).isTrue();
    }
}
