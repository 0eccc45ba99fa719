package io.zhihang.domain.lifecycle;

import io.zhihang.domain.lifecycle.LifecycleRefusal.Reason;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Edits: by the sender only, within 48 hours, at most 5, of a live message that is no edit itself. */
class EditRuleTest {
    private static final String ALICE = "@alice:example.org";
    private static final String BOB = "@bob:example.org";
    private static final String ROOM = "!r:example.org";
    private static final Instant SENT = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration TWO_DAYS = Duration.ofHours(48);
    private static final Duration MS = Duration.ofMillis(1);

    private final EditRule rule = LifecyclePolicy.DEFAULT.edit();

    private static MessageFacts message() {
        return new MessageFacts("$m", ROOM, ALICE, false, null, SENT, false);
    }

    private static LifecycleRefusal refusal(Runnable call) {
        LifecycleRefusal refusal = catchThrowableOfType(LifecycleRefusal.class, call::run);
        assertThat(refusal).as("refusal").isNotNull();
        return refusal;
    }

    @Test
    void the_sender_edits_up_to_48_hours_after_sending_edge_included() {
        rule.check(ALICE, ROOM, message(), 0, SENT);
        rule.check(ALICE, ROOM, message(), 0, SENT.plus(TWO_DAYS).minus(MS));
        rule.check(ALICE, ROOM, message(), 0, SENT.plus(TWO_DAYS));

        LifecycleRefusal late = refusal(() -> rule.check(ALICE, ROOM, message(), 0, SENT.plus(TWO_DAYS).plus(MS)));
        assertThat(late.reason()).isEqualTo(Reason.EDIT_WINDOW_EXPIRED);
        assertThat(late.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(late.getMessage()).isEqualTo("A message can only be edited within 48 hours of sending it");
    }

    @Test
    void the_fifth_edit_is_allowed_and_the_sixth_refused() {
        rule.check(ALICE, ROOM, message(), 4, SENT);

        LifecycleRefusal sixth = refusal(() -> rule.check(ALICE, ROOM, message(), 5, SENT));
        assertThat(sixth.reason()).isEqualTo(Reason.EDIT_LIMIT_REACHED);
        assertThat(sixth.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(sixth.getMessage()).isEqualTo("A message can be edited at most 5 times");
    }

    @Test
    void only_the_sender_may_edit() {
        LifecycleRefusal refusal = refusal(() -> rule.check(BOB, ROOM, message(), 0, SENT));
        assertThat(refusal.reason()).isEqualTo(Reason.NOT_THE_SENDER);
        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void a_recalled_message_an_edit_or_a_state_event_cannot_be_edited() {
        MessageFacts recalled = new MessageFacts("$m", ROOM, ALICE, false, null, SENT, true);
        MessageFacts edit = new MessageFacts("$e", ROOM, ALICE, false, "m.replace", SENT, false);
        MessageFacts state = new MessageFacts("$s", ROOM, ALICE, true, null, SENT, false);
        MessageFacts threadReply = new MessageFacts("$t", ROOM, ALICE, false, "m.thread", SENT, false);

        assertThat(refusal(() -> rule.check(ALICE, ROOM, recalled, 0, SENT)).reason())
                .isEqualTo(Reason.ORIGINAL_RECALLED);
        assertThat(refusal(() -> rule.check(ALICE, ROOM, edit, 0, SENT)).reason()).isEqualTo(Reason.EDIT_OF_EDIT);
        assertThat(refusal(() -> rule.check(ALICE, ROOM, state, 0, SENT)).reason())
                .isEqualTo(Reason.STATE_NOT_EDITABLE);
        rule.check(ALICE, ROOM, threadReply, 0, SENT);
        assertThat(refusal(() -> rule.check(ALICE, ROOM, edit, 0, SENT)).kind()).isEqualTo(ErrorKind.UNKNOWN);
    }

    @Test
    void the_original_must_exist_in_the_same_room_as_synapse_answers() {
        LifecycleRefusal unknown = refusal(() -> rule.check(ALICE, ROOM, null, 0, SENT));
        assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_ORIGINAL);
        assertThat(unknown.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(unknown.getMessage()).isEqualTo("Can't send relation to unknown event");

        LifecycleRefusal elsewhere = refusal(() -> rule.check(ALICE, "!other:example.org", message(), 0, SENT));
        assertThat(elsewhere.reason()).isEqualTo(Reason.ORIGINAL_IN_OTHER_ROOM);
        assertThat(elsewhere.getMessage()).isEqualTo("Relations must be in the same room");
    }

    @Test
    void window_and_limit_are_configurable_and_must_not_be_negative() {
        EditRule strict = new LifecyclePolicy(Duration.ofHours(24), Duration.ofMinutes(90), 1).edit();
        strict.check(ALICE, ROOM, message(), 0, SENT.plus(Duration.ofMinutes(90)));
        assertThat(refusal(() -> strict.check(ALICE, ROOM, message(), 1, SENT)).getMessage())
                .isEqualTo("A message can be edited at most 1 time");
        assertThat(refusal(() -> strict.check(ALICE, ROOM, message(), 0, SENT.plus(Duration.ofMinutes(91))))
                .getMessage()).isEqualTo("A message can only be edited within 90 minutes of sending it");

        assertThatIllegalArgumentException().isThrownBy(() -> new LifecyclePolicy(Duration.ofHours(1),
                Duration.ofHours(1), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new LifecyclePolicy(Duration.ofHours(-1),
                Duration.ofHours(1), 5));
    }
}
