package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EventSigning} beyond the spec vectors: several signers, and what survives signing. */
class EventSigningTest {
    private static final Ed25519SigningKey ORIGIN = Ed25519SigningKey.generate("a", new SecureRandom());
    private static final Ed25519SigningKey RESIDENT = Ed25519SigningKey.generate("b", new SecureRandom());

    private static final JsonObject MEMBER = JsonObject.builder()
            .put("type", "m.room.member").put("state_key", "@joiner:origin.example")
            .put("sender", "@joiner:origin.example").put("room_id", "!r:resident.example")
            .put("origin_server_ts", 5L).put("depth", 9)
            .put("content", JsonObject.builder().put("membership", "join").put("displayname", "J")
                    .put("join_authorised_via_users_server", "@admin:resident.example").build())
            .put("unsigned", JsonObject.builder().put("age", 1).build())
            .build();

    @Test
    void a_second_server_adds_its_signature_next_to_the_first() {
        JsonObject once = EventSigning.hashAndSign(MEMBER, RoomVersion.V10, "origin.example", ORIGIN);
        JsonObject twice = EventSigning.sign(once, RoomVersion.V10, "resident.example", RESIDENT);

        assertThat(verify(twice, "origin.example", ORIGIN)).isTrue();
        assertThat(verify(twice, "resident.example", RESIDENT)).isTrue();
        assertThat(twice.object("signatures").orElseThrow().size()).isEqualTo(2);
        assertThat(twice.object("unsigned")).isEqualTo(MEMBER.object("unsigned"));
        assertThat(EventHashing.eventId(twice, RoomVersion.V10)).isEqualTo(EventHashing.eventId(once, RoomVersion.V10));
    }

    @Test
    void the_signature_survives_redaction_of_the_event() {
        JsonObject signed = EventSigning.hashAndSign(MEMBER, RoomVersion.V10, "origin.example", ORIGIN);

        JsonObject redacted = Redaction.redact(signed, RoomVersion.V10);

        assertThat(redacted.object("content").orElseThrow().has("displayname")).isFalse();
        assertThat(verify(redacted, "origin.example", ORIGIN)).isTrue();
        assertThat(EventHashing.hasValidContentHash(redacted)).isFalse();
    }

    @Test
    void re_signing_with_the_same_key_replaces_the_signature() {
        JsonObject signed = EventSigning.hashAndSign(MEMBER, RoomVersion.V11, "origin.example", ORIGIN);

        assertThat(EventSigning.sign(signed, RoomVersion.V11, "origin.example", ORIGIN)).isEqualTo(signed);
    }

    private static boolean verify(JsonObject event, String server, Ed25519SigningKey key) {
        return EventSigning.verify(event, RoomVersion.V10, server, key.keyId(),
                UnpaddedBase64.decode(key.publicKeyBase64()));
    }
}
