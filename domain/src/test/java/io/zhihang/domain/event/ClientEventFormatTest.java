package io.zhihang.domain.event;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientEventFormatTest {
    private static final Pdu MESSAGE = new Pdu("$m", JsonObject.builder()
            .put("type", "m.room.message").put("sender", "@alice:example.org").put("room_id", "!r:example.org")
            .put("origin_server_ts", 1_000).put("content", JsonObject.builder().put("body", "hi").build()).build());

    @Test
    void bundled_aggregations_go_under_unsigned_m_relations() {
        JsonObject relations = JsonObject.builder().put("m.reference", JsonObject.EMPTY).build();

        JsonObject event = ClientEventFormat.format(MESSAGE, RoomVersion.V11, null, true, 3_000, relations);

        JsonObject unsigned = event.object("unsigned").orElseThrow();
        assertThat(unsigned.number("age")).contains(2_000L);
        assertThat(unsigned.object("m.relations")).contains(relations);
    }

    @Test
    void no_bundle_means_no_m_relations() {
        JsonObject event = ClientEventFormat.format(MESSAGE, RoomVersion.V11, null, false, 3_000, JsonObject.EMPTY);

        assertThat(event.object("unsigned").orElseThrow().has("m.relations")).isFalse();
        assertThat(event.has("room_id")).isFalse();
    }
}
