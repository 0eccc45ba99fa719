package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignAndIdentifyTest {
    private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate("a_1", new SecureRandom());

    @Test
    void one_pass_gives_the_same_signature_and_id_as_signing_then_hashing() {
        JsonObject event = EventHashing.withContentHash(Json.parseObject("""
                {"auth_events":["$a"],"prev_events":["$p"],"depth":7,"type":"m.room.message",
                 "sender":"@alice:example.org","room_id":"!r:example.org","origin":"example.org",
                 "origin_server_ts":1700000000000,"content":{"body":"hello","msgtype":"m.text"},
                 "unsigned":{"age":3}}"""));
        for (RoomVersion version : List.of(RoomVersion.V3, RoomVersion.V4, RoomVersion.V10, RoomVersion.V11,
                RoomVersion.V12)) {
            EventSigning.SignedEvent combined = EventSigning.signAndIdentify(event, version, "example.org", KEY);
            JsonObject separate = EventSigning.sign(event, version, "example.org", KEY);
            assertThat(combined.json()).isEqualTo(separate);
            assertThat(combined.eventId()).isEqualTo(EventHashing.eventId(separate, version));
        }
    }
}
