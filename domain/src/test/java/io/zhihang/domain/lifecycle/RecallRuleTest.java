package io.zhihang.domain.lifecycle;

import io.zhihang.domain.lifecycle.LifecycleRefusal.Reason;
import io.zhihang.domain.lifecycle.RecallRule.RedactionKind;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Recall (a sender redacting their own message) within 24 hours, once; moderation at any age. */
class RecallRuleTest {
    private static final String ALICE = "@alice:example.org";
    private static final String BOB = "@bob:example.org";
    private static final Instant SENT = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration MS = Duration.ofMillis(1);

    private final RecallRule rule = LifecyclePolicy.DEFAULT.recall();

    private static MessageFacts message(String sender, boolean redacted) {
        return new MessageFacts("$m", "!r:example.org", sender, false, null, SENT, redacted);
    }

    private static MessageFacts state(String sender) {
        return new MessageFacts("$s", "!r:example.org", sender, true, null, SENT, false);
    }

    private static LifecycleRefusal refusal(Runnable call) {
        LifecycleRefusal refusal = catchThrowableOfType(LifecycleRefusal.class, call::run);
        assertThat(refusal).as("refusal").isNotNull();
        return refusal;
    }

    @Test
    void the_sender_recalls_their_message_up_to_24_hours_after_sending_it_edge_included() {
        assertThat(rule.judgeRedaction(ALICE, false, message(ALICE, false), SENT)).isEqualTo(RedactionKind.RECALL);
        assertThat(rule.judgeRedaction(ALICE, false, message(ALICE, false), SENT.plus(DAY).minus(MS)))
                .isEqualTo(RedactionKind.RECALL);
        assertThat(rule.judgeRedaction(ALICE, false, message(ALICE, false), SENT.plus(DAY)))
                .isEqualTo(RedactionKind.RECALL);
    }

    @Test
    void one_millisecond_past_24_hours_the_sender_is_refused_even_with_moderator_power() {
        for (boolean moderator : new boolean[]{false, true}) {
            LifecycleRefusal refusal = refusal(() ->
                    rule.judgeRedaction(ALICE, moderator, message(ALICE, false), SENT.plus(DAY).plus(MS)));
            assertThat(refusal.reason()).isEqualTo(Reason.RECALL_WINDOW_EXPIRED);
            assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(refusal.getMessage()).isEqualTo("A message can only be recalled within 24 hours of sending it");
        }
    }

    @Test
    void a_recalled_message_cannot_be_recalled_again() {
        LifecycleRefusal refusal = refusal(() -> rule.judgeRedaction(ALICE, false, message(ALICE, true), SENT));
        assertThat(refusal.reason()).isEqualTo(Reason.ALREADY_RECALLED);
        assertThat(refusal.kind()).isEqualTo(ErrorKind.UNKNOWN);
    }

    @Test
    void a_moderator_redacts_someone_elses_message_at_any_age_and_others_may_not() {
        MessageFacts old = message(BOB, false);
        assertThat(rule.judgeRedaction(ALICE, true, old, SENT.plus(Duration.ofDays(3))))
                .isEqualTo(RedactionKind.MODERATION);
        assertThat(rule.judgeRedaction(ALICE, true, message(BOB, true), SENT)).isEqualTo(RedactionKind.MODERATION);

        LifecycleRefusal refusal = refusal(() -> rule.judgeRedaction(ALICE, false, old, SENT));
        assertThat(refusal.reason()).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("You may only redact your own events");
    }

    @Test
    void state_events_keep_the_matrix_rules_whatever_their_age() {
        Instant later = SENT.plus(Duration.ofDays(30));
        assertThat(rule.judgeRedaction(ALICE, false, state(ALICE), later)).isEqualTo(RedactionKind.OWN_STATE);
        assertThat(rule.judgeRedaction(ALICE, true, state(BOB), later)).isEqualTo(RedactionKind.MODERATION);
        assertThat(refusal(() -> rule.judgeRedaction(ALICE, false, state(BOB), later)).reason())
                .isEqualTo(Reason.NOT_ALLOWED);
    }

    @Test
    void a_product_recall_by_the_sender_or_a_moderator_is_bounded_by_the_window() {
        rule.checkRecall(ALICE, false, message(ALICE, false), SENT.plus(DAY).minus(MS));
        rule.checkRecall(ALICE, true, message(BOB, false), SENT.plus(DAY).minus(MS));

        assertThat(refusal(() -> rule.checkRecall(ALICE, true, message(BOB, false), SENT.plus(DAY).plus(MS)))
                .reason()).isEqualTo(Reason.RECALL_WINDOW_EXPIRED);
        assertThat(refusal(() -> rule.checkRecall(ALICE, false, message(BOB, false), SENT)).reason())
                .isEqualTo(Reason.NOT_ALLOWED);
        assertThat(refusal(() -> rule.checkRecall(ALICE, true, message(BOB, true), SENT)).reason())
                .isEqualTo(Reason.ALREADY_RECALLED);
        assertThat(refusal(() -> rule.checkRecall(ALICE, false, state(ALICE), SENT)).reason())
                .isEqualTo(Reason.NOT_A_MESSAGE);
    }

    @Test
    void the_window_is_configurable() {
        RecallRule tenMinutes = new LifecyclePolicy(Duration.ofMinutes(10), Duration.ofHours(48), 5).recall();
        assertThat(tenMinutes.judgeRedaction(ALICE, false, message(ALICE, false), SENT.plus(Duration.ofMinutes(10))))
                .isEqualTo(RedactionKind.RECALL);
        assertThat(refusal(() -> tenMinutes.judgeRedaction(ALICE, false, message(ALICE, false),
                SENT.plus(Duration.ofMinutes(10)).plus(MS))).getMessage())
                .isEqualTo("A message can only be recalled within 10 minutes of sending it");
    }

    @Test
    void a_message_hidden_by_password_encryption_is_not_recalled_and_its_sender_may_recall_it_once() {
        var pdu = new io.zhihang.domain.event.Pdu("$m", io.zhihang.domain.protocol.json.Json.parseObject(
                "{\"type\":\"m.room.message\",\"sender\":\"" + ALICE + "\",\"room_id\":\"!r:example.org\","
                        + "\"origin_server_ts\":" + SENT.toEpochMilli() + ",\"content\":{}}"));
        MessageFacts sealed = MessageFacts.of(pdu, true, true);
        assertThat(sealed.redacted()).isFalse();
        assertThat(rule.judgeRedaction(ALICE, false, sealed, SENT.plusSeconds(60))).isEqualTo(RedactionKind.RECALL);
        rule.checkRecall(ALICE, false, sealed, SENT.plusSeconds(60));

        MessageFacts recalled = MessageFacts.of(pdu, true, false);
        assertThat(refusal(() -> rule.checkRecall(ALICE, false, recalled, SENT)).reason())
                .isEqualTo(Reason.ALREADY_RECALLED);
        assertThat(MessageFacts.isRecalled(false, false)).isFalse();
    }
}
