package io.zhihang.domain.lifecycle;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each edit with the content it replaced, the content it brought, its time and its reason. */
class EditHistoryTest {
    private static final String ALICE = "@alice:example.org";
    private static final String BOB = "@bob:example.org";
    private static final String MESSAGE = "m.room.message";

    private static JsonObject text(String body) {
        return JsonObject.builder().put("msgtype", "m.text").put("body", body).build();
    }

    private static Pdu event(String id, String type, String sender, long ts, JsonObject content) {
        return new Pdu(id, JsonObject.builder().put("type", type).put("sender", sender).put("room_id", "!r:x")
                .put("origin_server_ts", ts).put("content", content).build());
    }

    private static Pdu edit(String id, String sender, String type, long ts, String body, String reason) {
        JsonObject.Builder content = text("* " + body).toBuilder()
                .put("m.new_content", text(body))
                .put("m.relates_to", JsonObject.builder().put("rel_type", "m.replace").put("event_id", "$m").build());
        if (reason != null) {
            content.put(EditHistory.REASON_FIELD, reason);
        }
        return event(id, type, sender, ts, content.build());
    }

    @Test
    void each_edit_replaces_the_previous_version_with_its_time_and_reason() {
        Pdu original = event("$m", MESSAGE, ALICE, 1_000, text("helo"));

        EditHistory history = EditHistory.of(original, List.of(
                edit("$e1", ALICE, MESSAGE, 2_000, "hello", "typo"),
                edit("$e2", ALICE, MESSAGE, 3_000, "hello!", null)));

        assertThat(history.eventId()).isEqualTo("$m");
        assertThat(history.count()).isEqualTo(2);
        assertThat(history.edits()).containsExactly(
                new EditHistory.Entry("$e1", text("helo"), text("hello"), Instant.ofEpochMilli(2_000), "typo"),
                new EditHistory.Entry("$e2", text("hello"), text("hello!"), Instant.ofEpochMilli(3_000), null));
    }

    @Test
    void edits_that_do_not_apply_are_left_out() {
        Pdu original = event("$m", MESSAGE, ALICE, 1_000, text("helo"));
        Pdu reply = event("$r", MESSAGE, ALICE, 1_500, text("a reply").toBuilder().put("m.relates_to",
                JsonObject.builder().put("rel_type", "m.thread").put("event_id", "$m").build()).build());

        EditHistory history = EditHistory.of(original, List.of(reply,
                edit("$byBob", BOB, MESSAGE, 2_000, "hijacked", null),
                edit("$otherType", ALICE, "m.sticker", 2_500, "sticker", null),
                edit("$e1", ALICE, MESSAGE, 3_000, "hello", null)));

        assertThat(history.edits()).extracting(EditHistory.Entry::editEventId).containsExactly("$e1");
        assertThat(history.edits().getFirst().oldContent()).isEqualTo(text("helo"));
    }

    @Test
    void a_message_never_edited_has_an_empty_history() {
        EditHistory history = EditHistory.of(event("$m", MESSAGE, ALICE, 1_000, text("hi")), List.of());
        assertThat(history.count()).isZero();
        assertThat(history.edits()).isEmpty();
    }
}
