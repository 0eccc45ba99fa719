package io.zhihang.application.scenario;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EditHistory;
import io.zhihang.domain.lifecycle.LifecycleRefusal;
import io.zhihang.domain.lifecycle.LifecycleRefusal.Reason;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message's life on the Matrix paths: recalled (redacted by its sender) within 24 hours and once, moderated at any
 * age, edited by its sender within 48 hours and at most 5 times, and its edits read back as a history.
 */
class MessageLifecycleScenarioTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration MS = Duration.ofMillis(1);

    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String roomId = roomWithBob();
    private final AtomicInteger txn = new AtomicInteger();

    private String roomWithBob() {
        String id = hs.createRoom(alice, "private_chat", bob.userId().toString());
        hs.membership.join(bob, id, null);
        return id;
    }

    private String redact(Requester who, String eventId) {
        return hs.sendEvent.redact(who, roomId, eventId, null, "r" + txn.incrementAndGet());
    }

    private String edit(Requester who, String originalId, String body) {
        return edit(who, roomId, originalId, body, null);
    }

    private String edit(Requester who, String room, String originalId, String body, String reason) {
        JsonObject.Builder content = text("* " + body).toBuilder()
                .put("m.new_content", text(body))
                .put("m.relates_to", JsonObject.builder().put("rel_type", "m.replace").put("event_id", originalId)
                        .build());
        if (reason != null) {
            content.put("org.zhihang.edit_reason", reason);
        }
        return hs.sendEvent.send(who, room, "m.room.message", content.build(), "e" + txn.incrementAndGet());
    }

    private static Reason reason(DomainException refusal) {
        assertThat(refusal).isInstanceOf(LifecycleRefusal.class);
        return ((LifecycleRefusal) refusal).reason();
    }

    @Test
    void the_sender_recalls_a_message_just_before_24_hours_but_not_twice() {
        String message = hs.say(bob, roomId, "Oops");
        hs.server.clock.advance(DAY.minus(MS));

        redact(bob, message);

        DomainException again = refusal(() -> redact(bob, message));
        assertThat(reason(again)).isEqualTo(Reason.ALREADY_RECALLED);
        assertThat(again.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(hs.messagesSeenBy(alice, roomId)).containsExactly((String) null);
    }

    @Test
    void a_retried_recall_answers_with_the_same_redaction_instead_of_a_refusal() {
        String message = hs.say(bob, roomId, "Oops");

        String first = hs.sendEvent.redact(bob, roomId, message, null, "same-txn");
        String retried = hs.sendEvent.redact(bob, roomId, message, null, "same-txn");

        assertThat(retried).isEqualTo(first);
    }

    @Test
    void past_24_hours_the_sender_is_refused_but_a_moderator_may_still_redact() {
        String message = hs.say(bob, roomId, "Old news");
        hs.server.clock.advance(DAY.plus(MS));

        DomainException late = refusal(() -> redact(bob, message));
        assertThat(reason(late)).isEqualTo(Reason.RECALL_WINDOW_EXPIRED);
        assertThat(late.kind()).isEqualTo(ErrorKind.FORBIDDEN);

        hs.server.clock.advance(Duration.ofDays(2));
        redact(alice, message);
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly((String) null);
    }

    @Test
    void a_member_without_power_cannot_redact_someone_elses_message() {
        String message = hs.say(alice, roomId, "Admin speaking");

        DomainException refusal = refusal(() -> redact(bob, message));
        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("You may only redact your own events");
    }

    @Test
    void state_events_are_not_bound_by_the_recall_window() {
        String topic = hs.sendEvent.sendState(alice, roomId, "m.room.topic", "",
                JsonObject.builder().put("topic", "Old topic").build());
        hs.server.clock.advance(Duration.ofDays(10));

        redact(alice, topic);
    }

    @Test
    void a_product_recall_by_sender_or_moderator_keeps_to_the_window_for_both() {
        String bobs = hs.say(bob, roomId, "Bob's");
        String alices = hs.say(alice, roomId, "Alice's");
        String late = hs.say(bob, roomId, "late");

        hs.sendEvent.recall(bob, bobs, "mine");
        assertThat(reason(refusal(() -> hs.sendEvent.recall(bob, bobs, null)))).isEqualTo(Reason.ALREADY_RECALLED);
        assertThat(reason(refusal(() -> hs.sendEvent.recall(bob, alices, null)))).isEqualTo(Reason.NOT_ALLOWED);

        hs.server.clock.advance(DAY.plus(MS));
        assertThat(reason(refusal(() -> hs.sendEvent.recall(alice, late, null))))
                .isEqualTo(Reason.RECALL_WINDOW_EXPIRED);
        assertThat(refusal(() -> hs.sendEvent.recall(alice, "$nothing", null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(hs.messagesSeenBy(alice, roomId)).containsExactly(null, "Alice's", "late");
    }

    @Test
    void the_sender_edits_five_times_and_the_sixth_is_refused() {
        String message = hs.say(bob, roomId, "v0");
        for (int i = 1; i <= 5; i++) {
            edit(bob, message, "v" + i);
        }

        DomainException sixth = refusal(() -> edit(bob, message, "v6"));
        assertThat(reason(sixth)).isEqualTo(Reason.EDIT_LIMIT_REACHED);
        assertThat(sixth.kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void a_redacted_edit_still_counts_towards_the_limit() {
        String message = hs.say(bob, roomId, "v0");
        for (int i = 1; i <= 5; i++) {
            String edit = edit(bob, message, "v" + i);
            if (i == 5) {
                redact(bob, edit);
            }
        }

        assertThat(reason(refusal(() -> edit(bob, message, "v6")))).isEqualTo(Reason.EDIT_LIMIT_REACHED);
    }

    @Test
    void edits_are_refused_to_others_after_48_hours_after_a_recall_and_of_edits() {
        String message = hs.say(bob, roomId, "v0");
        String firstEdit = edit(bob, message, "v1");

        assertThat(reason(refusal(() -> edit(alice, message, "hijack")))).isEqualTo(Reason.NOT_THE_SENDER);
        assertThat(reason(refusal(() -> edit(bob, firstEdit, "v1.1")))).isEqualTo(Reason.EDIT_OF_EDIT);

        hs.server.clock.advance(Duration.ofHours(48).minus(MS));
        edit(bob, message, "v2");
        hs.server.clock.advance(MS.multipliedBy(2));
        DomainException late = refusal(() -> edit(bob, message, "v3"));
        assertThat(reason(late)).isEqualTo(Reason.EDIT_WINDOW_EXPIRED);
        assertThat(late.getMessage()).isEqualTo("A message can only be edited within 48 hours of sending it");

        String fresh = hs.say(bob, roomId, "fresh");
        redact(bob, fresh);
        assertThat(reason(refusal(() -> edit(bob, fresh, "edited")))).isEqualTo(Reason.ORIGINAL_RECALLED);
    }

    @Test
    void an_edit_needs_its_original_in_the_same_room() {
        String elsewhere = hs.createRoom(bob, "private_chat");
        String there = hs.say(bob, elsewhere, "over there");

        assertThat(reason(refusal(() -> edit(bob, roomId, there, "moved", null))))
                .isEqualTo(Reason.ORIGINAL_IN_OTHER_ROOM);
        assertThat(reason(refusal(() -> edit(bob, roomId, "$nothing", "ghost", null))))
                .isEqualTo(Reason.UNKNOWN_ORIGINAL);
    }

    @Test
    void plain_messages_and_other_relations_pass_untouched_after_the_edit_window() {
        String message = hs.say(bob, roomId, "root");
        hs.server.clock.advance(Duration.ofDays(5));

        hs.sendEvent.send(alice, roomId, "m.reaction", JsonObject.builder().put("m.relates_to", JsonObject.builder()
                .put("rel_type", "m.annotation").put("event_id", message).put("key", "+1").build()).build(), "a1");
        hs.say(bob, roomId, "still talking");
    }

    @Test
    void the_edit_history_lists_each_version_with_its_time_and_reason() {
        String message = hs.say(bob, roomId, "helo");
        hs.server.clock.advance(Duration.ofMinutes(1));
        String first = edit(bob, roomId, message, "hello", "typo");
        hs.server.clock.advance(Duration.ofMinutes(1));
        String second = edit(bob, roomId, message, "hello!", null);

        EditHistory history = hs.editHistory.editHistory(alice, message);

        assertThat(history.count()).isEqualTo(2);
        assertThat(history.edits()).extracting(EditHistory.Entry::editEventId).containsExactly(first, second);
        EditHistory.Entry one = history.edits().get(0);
        assertThat(one.oldContent()).isEqualTo(text("helo"));
        assertThat(one.newContent()).isEqualTo(text("hello"));
        assertThat(one.reason()).isEqualTo("typo");
        assertThat(one.editedAt()).isEqualTo(hs.server.clock.instant().minus(Duration.ofMinutes(1)));
        EditHistory.Entry two = history.edits().get(1);
        assertThat(two.oldContent()).isEqualTo(text("hello"));
        assertThat(two.newContent()).isEqualTo(text("hello!"));
        assertThat(two.reason()).isNull();
        assertThat(two.editedAt()).isEqualTo(hs.server.clock.instant());
    }

    @Test
    void the_history_leaves_out_redacted_edits_is_empty_once_recalled_and_hidden_from_outsiders() {
        String message = hs.say(bob, roomId, "v0");
        edit(bob, message, "v1");
        String second = edit(bob, message, "v2");
        redact(bob, second);

        assertThat(hs.editHistory.editHistory(bob, message).count()).isEqualTo(1);

        redact(bob, message);
        assertThat(hs.editHistory.editHistory(bob, message).edits()).isEmpty();

        assertThat(refusal(() -> hs.editHistory.editHistory(carol, message)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.editHistory.editHistory(bob, "$nothing")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
    }
}
