package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/** Reading and writing single state events ({@code /rooms/{roomId}/state/{type}/{stateKey}}). */
@QuarkusTest
class RoomStateApiTest {

    @Test
    void format_event_answers_the_whole_state_event_and_format_content_only_its_content() {
        Matrix.Session alice = Matrix.registerFresh("fmt");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String topicId = Rooms.putState(alice, roomId, "m.room.topic", Map.of("topic", "Oolong"));
        String member = path(roomId) + "/state/m.room.member/" + alice.userId();

        as(alice).get(member + "?format=event").then().statusCode(200)
                .body("type", equalTo("m.room.member"))
                .body("state_key", equalTo(alice.userId()))
                .body("sender", equalTo(alice.userId()))
                .body("room_id", equalTo(roomId))
                .body("event_id", org.hamcrest.Matchers.startsWith("$"))
                .body("origin_server_ts", greaterThan(0L))
                .body("content.membership", equalTo("join"));
        as(alice).get(path(roomId) + "/state/m.room.topic?format=event").then().statusCode(200)
                .body("event_id", equalTo(topicId))
                .body("state_key", equalTo(""))
                .body("content.topic", equalTo("Oolong"));
        as(alice).get(path(roomId) + "/state/m.room.topic/?format=event").then().statusCode(200)
                .body("event_id", equalTo(topicId));

        as(alice).get(member + "?format=content").then().statusCode(200)
                .body("membership", equalTo("join"))
                .body("$", not(hasKey("event_id")));
        as(alice).get(member).then().statusCode(200)
                .body("membership", equalTo("join"))
                .body("$", not(hasKey("sender")));
    }

    @Test
    void format_refuses_other_values_and_absent_state_stays_not_found() {
        Matrix.Session alice = Matrix.registerFresh("fmtbad");
        Matrix.Session eve = Matrix.registerFresh("fmteve");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));

        as(alice).get(path(roomId) + "/state/m.room.name?format=pdu").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(path(roomId) + "/state/m.room.name?format=event").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).get(path(roomId) + "/state/m.room.create?format=event").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }
}
