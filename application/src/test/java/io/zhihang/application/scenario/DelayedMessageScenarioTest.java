package io.zhihang.application.scenario;

import io.zhihang.application.fakes.InMemoryDelayedEventRepository;
import io.zhihang.application.port.in.delayed.ScheduleDelayedEventCommand;
import io.zhihang.application.port.in.delayed.SendTime;
import io.zhihang.application.service.delayed.DelayedEventFiring;
import io.zhihang.application.service.delayed.DelayedEventSending;
import io.zhihang.application.service.delayed.DelayedEventService;
import io.zhihang.application.service.delayed.FireDelayedEventsService;
import io.zhihang.application.service.room.InTransactionSender;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.delayed.DelayPolicy;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventAction;
import io.zhihang.domain.delayed.DelayedEventStatus;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled messages on a stopped clock: sent when due and not before, restarted from the original delay, failed
 * (not retried) when the room refuses them, limited per user, and forgotten a week after they were finalised.
 */
class DelayedMessageScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final InMemoryDelayedEventRepository repository = new InMemoryDelayedEventRepository();
    private final DelayedEventSending sending = new DelayedEventSending(new InTransactionSender(hs.messages,
            hs.writer));
    private final DelayedEventService delayed = new DelayedEventService(repository, hs.rooms, sending,
            hs.server.ids, new DelayPolicy(Duration.ofDays(30), 3), hs.server.clock);
    private final FireDelayedEventsService scheduler = new FireDelayedEventsService(
            new DelayedEventFiring(repository, sending, hs.server.clock));
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final String roomId = hs.createRoom(alice, "public_chat");

    DelayedMessageScenarioTest() {
        hs.membership.join(bob, roomId, null);
    }

    private DelayedEvent schedule(Requester sender, String body, SendTime when) {
        return delayed.schedule(new ScheduleDelayedEventCommand(sender, roomId, "m.room.message", null, text(body),
                null, when));
    }

    private int fireNow() {
        return scheduler.fireDue(hs.server.clock.instant());
    }

    private DelayedEvent stored(Requester owner, DelayedEvent event) {
        return delayed.get(owner, event.delayId());
    }

    @Test
    void a_message_scheduled_for_a_set_time_is_sent_then_and_not_before() {
        Instant at = hs.server.clock.instant().plus(Duration.ofHours(1));
        DelayedEvent event = schedule(alice, "Good morning", new SendTime.At(at));
        assertThat(event.sendAt()).isEqualTo(at);

        hs.server.clock.advance(Duration.ofMinutes(59));
        assertThat(fireNow()).isZero();
        assertThat(hs.messagesSeenBy(bob, roomId)).doesNotContain("Good morning");

        hs.server.clock.advance(Duration.ofMinutes(1));
        assertThat(fireNow()).isEqualTo(1);
        assertThat(fireNow()).isZero();
        assertThat(hs.messagesSeenBy(bob, roomId)).containsOnlyOnce("Good morning");
        DelayedEvent sent = stored(alice, event);
        assertThat(sent.status()).isEqualTo(DelayedEventStatus.SENT);
        assertThat(sent.finalisedAt()).isEqualTo(at);
    }

    @Test
    void a_restart_counts_the_original_delay_again_from_the_restart() {
        DelayedEvent event = schedule(alice, "Still here?", new SendTime.AfterDelay(Duration.ofMinutes(10).toMillis()));

        hs.server.clock.advance(Duration.ofMinutes(8));
        delayed.manage(alice, event.delayId(), DelayedEventAction.RESTART);
        hs.server.clock.advance(Duration.ofMinutes(5));
        assertThat(fireNow()).isZero();
        hs.server.clock.advance(Duration.ofMinutes(5));
        assertThat(fireNow()).isEqualTo(1);

        assertThat(hs.messagesSeenBy(bob, roomId)).containsOnlyOnce("Still here?");
    }

    @Test
    void a_message_the_room_refuses_at_its_time_fails_and_is_not_retried() {
        DelayedEvent event = schedule(bob, "Too late", new SendTime.AfterDelay(60_000));
        hs.membership.leave(bob, roomId, null);

        hs.server.clock.advance(Duration.ofMinutes(2));
        assertThat(fireNow()).isEqualTo(1);
        assertThat(fireNow()).isZero();

        DelayedEvent failed = stored(bob, event);
        assertThat(failed.status()).isEqualTo(DelayedEventStatus.FAILED);
        assertThat(failed.error().errcode()).isEqualTo("M_FORBIDDEN");
        assertThat(hs.messagesSeenBy(alice, roomId)).doesNotContain("Too late");
        assertThat(delayed.list(bob, true, false, Set.of())).isEmpty();
        assertThat(delayed.list(bob, false, true, Set.of())).extracting(DelayedEvent::delayId)
                .containsExactly(event.delayId());
    }

    @Test
    void a_user_may_have_only_so_many_scheduled_at_once() {
        schedule(alice, "1", new SendTime.AfterDelay(90_000));
        schedule(alice, "2", new SendTime.AfterDelay(60_000));
        schedule(alice, "3", new SendTime.AfterDelay(120_000));

        var tooMany = refusal(() -> schedule(alice, "4", new SendTime.AfterDelay(1_000)));
        assertThat(tooMany).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
        schedule(bob, "bob's own", new SendTime.AfterDelay(1_000));
    }

    @Test
    void a_time_in_the_past_or_a_cancelled_send_is_refused() {
        assertThat(refusal(() -> schedule(alice, "yesterday",
                new SendTime.At(hs.server.clock.instant().minusSeconds(1)))).kind()).isEqualTo(ErrorKind.INVALID_PARAM);

        DelayedEvent event = schedule(alice, "Maybe", new SendTime.AfterDelay(60_000));
        delayed.manage(alice, event.delayId(), DelayedEventAction.CANCEL);
        assertThat(refusal(() -> delayed.manage(alice, event.delayId(), DelayedEventAction.SEND)).kind())
                .isEqualTo(ErrorKind.CONFLICT);
        hs.server.clock.advance(Duration.ofMinutes(5));
        assertThat(fireNow()).isZero();
        assertThat(refusal(() -> delayed.manage(bob, event.delayId(), DelayedEventAction.CANCEL)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void finalised_events_are_forgotten_after_a_week() {
        DelayedEvent sent = schedule(alice, "Hi", new SendTime.AfterDelay(1_000));
        DelayedEvent waiting = schedule(alice, "Much later", new SendTime.AfterDelay(Duration.ofDays(20).toMillis()));
        hs.server.clock.advance(Duration.ofSeconds(1));
        fireNow();

        hs.server.clock.advance(Duration.ofDays(6));
        assertThat(scheduler.purgeFinalised(hs.server.clock.instant())).isZero();
        hs.server.clock.advance(Duration.ofDays(2));
        assertThat(scheduler.purgeFinalised(hs.server.clock.instant())).isEqualTo(1);

        assertThat(delayed.list(alice, true, true, Set.of())).extracting(DelayedEvent::delayId)
                .containsExactly(waiting.delayId()).doesNotContain(sent.delayId());
    }
}
