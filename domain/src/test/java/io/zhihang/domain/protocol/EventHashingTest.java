package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link EventHashing} beyond the spec vectors: id formats, hash bookkeeping, and v12 room ids. */
class EventHashingTest {
    private static final JsonObject MESSAGE = JsonObject.builder()
            .put("type", "m.room.message")
            .put("room_id", "!r:example.org")
            .put("sender", "@u:example.org")
            .put("origin_server_ts", 1_700_000_000_000L)
            .put("depth", 5)
            .put("prev_events", JsonArray.of(JsonString.of("$a")))
            .put("auth_events", JsonArray.EMPTY)
            .put("content", JsonObject.builder().put("msgtype", "m.text").put("body", "hi").build())
            .build();

    @Test
    void room_versions_1_and_2_have_no_derived_event_id() {
        assertThatThrownBy(() -> EventHashing.eventId(MESSAGE, RoomVersion.V1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventHashing.eventId(MESSAGE, RoomVersion.V2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void v3_ids_use_the_standard_alphabet_and_v4_ids_the_url_safe_one_over_the_same_hash() {
        byte[] hash = EventHashing.referenceHashBytes(MESSAGE, RoomVersion.V3);

        assertThat(hash).hasSize(32);
        assertThat(EventHashing.eventId(MESSAGE, RoomVersion.V3)).isEqualTo("$" + UnpaddedBase64.encode(hash)).hasSize(44);
        assertThat(EventHashing.eventId(MESSAGE, RoomVersion.V4)).isEqualTo("$" + UnpaddedBase64.encodeUrlSafe(hash))
                .doesNotContain("+", "/", "=");
    }

    @Test
    void with_content_hash_sets_sha256_and_keeps_other_algorithms() {
        JsonObject event = MESSAGE.with("hashes", JsonObject.builder().put("sha256", "stale").put("blake3", "x").build());

        JsonObject hashed = EventHashing.withContentHash(event);

        JsonObject hashes = hashed.object("hashes").orElseThrow();
        assertThat(hashes.string("blake3")).contains("x");
        assertThat(hashes.string("sha256")).contains(EventHashing.contentHash(MESSAGE));
        assertThat(EventHashing.contentHash(hashed)).isEqualTo(EventHashing.contentHash(MESSAGE));
    }

    @Test
    void the_content_hash_ignores_unsigned_signatures_and_hashes_only() {
        String hash = EventHashing.contentHash(MESSAGE);

        assertThat(EventHashing.contentHash(MESSAGE.with("unsigned", JsonObject.EMPTY).with("signatures", JsonObject.EMPTY)
                .with("hashes", JsonObject.EMPTY))).isEqualTo(hash);
        assertThat(EventHashing.contentHash(MESSAGE.with("origin", JsonString.of("x")))).isNotEqualTo(hash);
        assertThat(EventHashing.contentHash(MESSAGE.with("content", JsonObject.EMPTY))).isNotEqualTo(hash);
    }

    @Test
    void checks_the_claimed_content_hash() {
        JsonObject hashed = EventHashing.withContentHash(MESSAGE);

        assertThat(EventHashing.hasValidContentHash(hashed)).isTrue();
        assertThat(EventHashing.hasValidContentHash(MESSAGE)).as("no hashes").isFalse();
        assertThat(EventHashing.hasValidContentHash(hashed.with("depth", io.zhihang.domain.protocol.json.JsonNumber.of(6))))
                .as("changed").isFalse();
        assertThat(EventHashing.hasValidContentHash(MESSAGE.with("hashes",
                JsonObject.builder().put("sha256", "not base64!").build()))).as("garbage").isFalse();
    }

    @Test
    void a_v12_room_id_is_the_url_safe_reference_hash_of_the_create_event() {
        JsonObject create = JsonObject.builder()
                .put("type", "m.room.create").put("state_key", "").put("sender", "@c:example.org")
                .put("origin_server_ts", 1L).put("depth", 1).put("prev_events", JsonArray.EMPTY)
                .put("auth_events", JsonArray.EMPTY).put("content", JsonObject.builder().put("room_version", "12").build())
                .build();

        String roomId = EventHashing.roomIdOfCreateEvent(create, RoomVersion.V12);

        assertThat(roomId).isEqualTo("!" + EventHashing.eventId(create, RoomVersion.V12).substring(1)).hasSize(44);
        assertThat(io.zhihang.domain.shared.RoomId.parse(roomId).server()).isEmpty();
        assertThatThrownBy(() -> EventHashing.roomIdOfCreateEvent(create, RoomVersion.V11))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
