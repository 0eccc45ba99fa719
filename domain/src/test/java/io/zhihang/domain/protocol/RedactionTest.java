package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Redaction}: the cases the table leaves open. */
class RedactionTest {

    @Test
    void a_v11_member_event_keeps_only_the_signed_part_of_a_third_party_invite() {
        JsonObject signed = JsonObject.builder().put("mxid", "@a:b").put("token", "t")
                .put("signatures", JsonObject.EMPTY).build();
        JsonObject event = member(JsonObject.builder().put("membership", "invite").put("displayname", "A")
                .put("third_party_invite", JsonObject.builder().put("display_name", "a").put("signed", signed).build())
                .build());

        assertThat(content(event, RoomVersion.V11)).isEqualTo(JsonObject.builder().put("membership", "invite")
                .put("third_party_invite", JsonObject.builder().put("signed", signed).build()).build());
        assertThat(content(event, RoomVersion.V10))
                .isEqualTo(JsonObject.builder().put("membership", "invite").build());
    }

    @Test
    void a_v11_third_party_invite_without_signed_stays_as_an_empty_object_like_synapse() {
        JsonObject event = member(JsonObject.builder().put("membership", "invite")
                .put("third_party_invite", JsonObject.builder().put("display_name", "a").build()).build());

        assertThat(content(event, RoomVersion.V11).object("third_party_invite")).contains(JsonObject.EMPTY);
    }

    @Test
    void a_v11_third_party_invite_that_is_not_an_object_is_dropped() {
        JsonObject event = member(JsonObject.builder().put("membership", "invite").put("third_party_invite", "x").build());

        assertThat(content(event, RoomVersion.V11).has("third_party_invite")).isFalse();
    }

    @Test
    void the_top_level_redacts_key_is_never_kept_but_v11_keeps_content_redacts() {
        JsonObject event = JsonObject.builder().put("type", "m.room.redaction").put("redacts", "$old")
                .put("content", JsonObject.builder().put("redacts", "$old").put("reason", "spam").build()).build();

        assertThat(Redaction.redact(event, RoomVersion.V10).has("redacts")).isFalse();
        assertThat(content(event, RoomVersion.V10)).isEqualTo(JsonObject.EMPTY);
        assertThat(Redaction.redact(event, RoomVersion.V11).has("redacts")).isFalse();
        assertThat(content(event, RoomVersion.V11)).isEqualTo(JsonObject.builder().put("redacts", "$old").build());
    }

    @Test
    void a_v11_create_event_keeps_its_whole_content_and_older_ones_only_creator() {
        JsonObject content = JsonObject.builder().put("creator", "@c:d").put("room_version", "11")
                .put("m.federate", false).put("predecessor", JsonObject.builder().put("room_id", "!o:d").build()).build();
        JsonObject event = JsonObject.builder().put("type", "m.room.create").put("state_key", "").put("content", content)
                .build();

        assertThat(content(event, RoomVersion.V11)).isEqualTo(content);
        assertThat(content(event, RoomVersion.V12)).isEqualTo(content);
        assertThat(content(event, RoomVersion.V10)).isEqualTo(JsonObject.builder().put("creator", "@c:d").build());
    }

    @Test
    void aliases_are_protected_only_up_to_room_version_5() {
        JsonObject event = JsonObject.builder().put("type", "m.room.aliases").put("state_key", "d")
                .put("content", JsonObject.builder().put("aliases", JsonArray.of(JsonString.of("#a:d"))).build()).build();

        assertThat(content(event, RoomVersion.V5).has("aliases")).isTrue();
        assertThat(content(event, RoomVersion.V6).has("aliases")).isFalse();
    }

    @Test
    void content_is_always_present_after_redaction() {
        JsonObject noContent = JsonObject.builder().put("type", "m.room.message").put("sender", "@a:b").build();
        JsonObject badContent = noContent.with("content", JsonString.of("not an object"));
        JsonObject noType = JsonObject.builder().put("content", JsonObject.builder().put("membership", "join").build())
                .build();

        assertThat(Redaction.redact(noContent, RoomVersion.V11).object("content")).contains(JsonObject.EMPTY);
        assertThat(Redaction.redact(badContent, RoomVersion.V11).object("content")).contains(JsonObject.EMPTY);
        assertThat(Redaction.redact(noType, RoomVersion.V11).object("content")).contains(JsonObject.EMPTY);
    }

    @Test
    void redaction_is_idempotent() {
        JsonObject event = member(JsonObject.builder().put("membership", "join").put("displayname", "A").build())
                .with("origin", JsonString.of("b")).with("unsigned", JsonObject.EMPTY);

        for (RoomVersion v : RoomVersion.known().values()) {
            JsonObject once = Redaction.redact(event, v);
            assertThat(Redaction.redact(once, v)).as("v" + v.id()).isEqualTo(once);
        }
    }

    private static JsonObject member(JsonObject content) {
        return JsonObject.builder().put("type", "m.room.member").put("state_key", "@a:b").put("sender", "@c:b")
                .put("content", content).build();
    }

    private static JsonObject content(JsonObject event, RoomVersion version) {
        return Redaction.redact(event, version).object("content").orElseThrow();
    }
}
