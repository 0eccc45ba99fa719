package io.zhihang.domain.push;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.PowerLevels;
import io.zhihang.domain.shared.UserId;

import java.util.Set;

/** Events and situations for the push rule tests: Alice sends, Bob's rules decide. */
final class PushFixtures {
    static final String ALICE = "@alice:example.org";
    static final String BOB = "@bob:example.org";
    static final UserId BOB_ID = UserId.parse(BOB);
    static final String ROOM = "!room:example.org";

    private PushFixtures() {
    }

    /** An event from Alice of {@code type} with the content given as JSON text. */
    static PushEvent event(String type, String content) {
        return of(message(type, content, null));
    }

    static PushEvent state(String type, String stateKey, String content) {
        return of(message(type, content, stateKey));
    }

    static PushEvent text(String body) {
        return event("m.room.message", "{\"msgtype\": \"m.text\", \"body\": " + quote(body) + "}");
    }

    static PushEvent of(JsonObject json) {
        return PushEvent.of(new Pdu("$event", json));
    }

    static JsonObject message(String type, String content, String stateKey) {
        JsonObject.Builder json = JsonObject.builder()
                .put("type", type)
                .put("room_id", ROOM)
                .put("sender", ALICE)
                .put("origin_server_ts", 1_000)
                .put("content", Json.parseObject(content));
        if (stateKey != null) {
            json.put("state_key", stateKey);
        }
        return json.build();
    }

    /** Bob, known as {@code displayName}, in a room of {@code members}; Alice has {@code aliceLevel}. */
    static PushContext bobIn(long members, String displayName, long aliceLevel) {
        PowerLevels levels = PowerLevels.fromContent(
                Json.parseObject("{\"users\": {\"" + ALICE + "\": " + aliceLevel + "}}"), RoomVersion.V11, Set.of());
        return new PushContext(BOB, displayName, members, levels);
    }

    static PushContext bobInGroup() {
        return bobIn(5, "Bobby", 0);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
