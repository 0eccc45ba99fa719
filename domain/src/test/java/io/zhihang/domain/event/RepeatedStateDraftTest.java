package io.zhihang.domain.event;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedStateDraftTest {
    private static final String ALICE = "@alice:example.org";
    private static final JsonObject TOPIC = JsonObject.builder().put("topic", "Sencha").build();

    private static Pdu current(String type, String stateKey, String sender, JsonObject content) {
        return new Pdu("$current", JsonObject.builder().put("type", type).put("state_key", stateKey)
                .put("sender", sender).put("room_id", "!r:example.org").put("content", content).build());
    }

    @Test
    void the_same_sender_type_key_and_content_is_a_repeat() {
        assertThat(EventDraft.state("m.room.topic", "", ALICE, TOPIC)
                .repeats(current("m.room.topic", "", ALICE, TOPIC))).isTrue();
    }

    @Test
    void another_sender_content_or_state_key_is_not() {
        Pdu topic = current("m.room.topic", "", ALICE, TOPIC);
        assertThat(EventDraft.state("m.room.topic", "", "@bob:example.org", TOPIC).repeats(topic)).isFalse();
        assertThat(EventDraft.state("m.room.topic", "", ALICE, TOPIC.with("topic",
                new JsonString("Matcha"))).repeats(topic)).isFalse();
        assertThat(EventDraft.state("m.room.topic", "x", ALICE, TOPIC).repeats(topic)).isFalse();
        assertThat(EventDraft.message("m.room.topic", ALICE, TOPIC).repeats(topic)).isFalse();
    }

    @Test
    void member_events_never_repeat() {
        JsonObject join = JsonObject.builder().put("membership", "join").build();
        assertThat(EventDraft.state("m.room.member", ALICE, ALICE, join)
                .repeats(current("m.room.member", ALICE, ALICE, join))).isFalse();
    }
}
