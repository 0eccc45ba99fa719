package io.zhihang.domain.delayed;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delay limits and the life of a delayed event: due time, restart, and what each action may still do. */
class DelayedEventRulesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00.123456Z");
    private static final DelayPolicy POLICY = new DelayPolicy(Duration.ofHours(1), 2);

    private static DelayedEvent scheduled() {
        return DelayedEvent.schedule("d1", UserId.parse("@alice:hs"), new DeviceId("DEV"), "t1", "!r:hs",
                "m.room.message", null, JsonObject.builder().put("body", "hi").build(), Duration.ofSeconds(10), T0);
    }

    @Test
    void a_delay_must_be_positive_and_within_the_maximum() {
        assertThat(POLICY.delayOf(1)).isEqualTo(Duration.ofMillis(1));
        assertThat(POLICY.delayOf(3_600_000)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> POLICY.delayOf(0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        assertThatThrownBy(() -> POLICY.delayOf(-5)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
        assertThatThrownBy(() -> POLICY.delayOf(3_600_001)).isInstanceOfSatisfying(MaxDelayExceededException.class,
                e -> assertThat(e.maxDelay()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void an_absolute_time_becomes_the_delay_from_now_and_must_lie_ahead() {
        assertThat(POLICY.delayUntil(T0.plusSeconds(90), T0)).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> POLICY.delayUntil(T0, T0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> POLICY.delayUntil(T0.plus(Duration.ofHours(2)), T0))
                .isInstanceOf(MaxDelayExceededException.class);
    }

    @Test
    void a_user_at_the_limit_is_told_to_come_back_when_the_next_one_is_due() {
        POLICY.ensureRoomFor(1, T0.plusSeconds(5), T0);
        assertThatThrownBy(() -> POLICY.ensureRoomFor(2, T0.plusSeconds(5), T0))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void it_is_due_once_its_delay_has_run_and_a_restart_starts_the_delay_again() {
        DelayedEvent event = scheduled();
        Instant due = Instant.ofEpochMilli(T0.toEpochMilli()).plusSeconds(10);
        assertThat(event.sendAt()).isEqualTo(due);
        assertThat(event.isDueAt(due.minusMillis(1))).isFalse();
        assertThat(event.isDueAt(due)).isTrue();

        DelayedEvent restarted = event.restarted(T0.plusSeconds(8));
        assertThat(restarted.sendAt()).isEqualTo(due.plusSeconds(8));
        assertThat(restarted.isDueAt(due)).isFalse();
    }

    @Test
    void a_finalised_event_answers_repeats_of_its_outcome_and_refuses_the_rest() {
        DelayedEvent sent = scheduled().sent("$e", T0.plusSeconds(10));
        assertThat(sent.alreadyDone(DelayedEventAction.SEND)).isTrue();
        assertThatThrownBy(() -> sent.alreadyDone(DelayedEventAction.CANCEL))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> sent.alreadyDone(DelayedEventAction.RESTART)).isInstanceOf(DomainException.class);
        assertThat(sent.isDueAt(T0.plusSeconds(60))).isFalse();

        DelayedEvent failed = scheduled().failed(new DelayedEventError("M_FORBIDDEN", "left"), T0.plusSeconds(10));
        assertThat(failed.alreadyDone(DelayedEventAction.CANCEL)).isTrue();
        assertThatThrownBy(() -> failed.alreadyDone(DelayedEventAction.SEND)).isInstanceOf(DomainException.class);

        assertThat(scheduled().alreadyDone(DelayedEventAction.SEND)).isFalse();
        assertThatThrownBy(() -> scheduled().cancelled(T0).sent("$e", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void actions_are_named_as_on_the_wire() {
        assertThat(DelayedEventAction.parse("restart")).isEqualTo(DelayedEventAction.RESTART);
        assertThatThrownBy(() -> DelayedEventAction.parse("explode")).isInstanceOf(DomainException.class);
    }
}
