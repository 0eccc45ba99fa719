package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Peeking: anyone logged in (a guest too) reads a world-readable room without joining it: its messages, state,
 * members, single events and their context; other rooms refuse non-members with {@code 403 M_FORBIDDEN}.
 */
@QuarkusTest
class PeekingApiTest {

    static String worldReadableRoom(Matrix.Session creator) {
        String roomId = Rooms.create(creator, Map.of("preset", "public_chat", "name", "Open house"));
        Rooms.putState(creator, roomId, "m.room.history_visibility", Map.of("history_visibility", "world_readable"));
        return roomId;
    }

    @Test
    void a_non_member_reads_everything_of_a_world_readable_room() {
        Matrix.Session alice = Matrix.registerFresh("peek");
        String roomId = worldReadableRoom(alice);
        String eventId = Rooms.send(alice, roomId, "look inside");

        for (Matrix.Session reader : List.of(Matrix.registerFresh("peeker"), GuestAccessApiTest.guest())) {
            List<String> types = as(reader).get(path(roomId) + "/state").then().statusCode(200)
                    .extract().jsonPath().getList("type", String.class);
            assertThat(types).contains("m.room.create", "m.room.name", "m.room.history_visibility");
            as(reader).get(path(roomId) + "/state/m.room.name").then().statusCode(200)
                    .body("name", equalTo("Open house"));
            as(reader).get(path(roomId) + "/state/m.room.name?format=event").then().statusCode(200)
                    .body("content.name", equalTo("Open house"));
            as(reader).get(path(roomId) + "/members").then().statusCode(200)
                    .body("chunk.state_key", hasItem(alice.userId()));
            as(reader).get(path(roomId) + "/event/" + eventId).then().statusCode(200)
                    .body("content.body", equalTo("look inside"));
            as(reader).get(path(roomId) + "/context/" + eventId).then().statusCode(200)
                    .body("event.event_id", equalTo(eventId));
            as(reader).get(path(roomId) + "/messages?dir=b").then().statusCode(200)
                    .body("chunk.event_id", hasItem(eventId));
        }
    }

    @Test
    void a_non_member_is_refused_a_room_that_is_not_world_readable() {
        Matrix.Session alice = Matrix.registerFresh("nopeek");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String eventId = Rooms.send(alice, roomId, "members only");

        for (Matrix.Session reader : List.of(Matrix.registerFresh("nopeeker"), GuestAccessApiTest.guest())) {
            for (String read : List.of("/state", "/state/m.room.create", "/members", "/context/" + eventId,
                    "/messages", "/initialSync")) {
                as(reader).get(path(roomId) + read).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
            }
            as(reader).get(path(roomId) + "/event/" + eventId).then().statusCode(404)
                    .body("errcode", equalTo("M_NOT_FOUND"));
        }
    }
}
