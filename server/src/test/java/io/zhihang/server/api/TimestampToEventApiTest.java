package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static io.zhihang.server.api.Rooms.v1;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** {@code GET /_matrix/client/v1/rooms/{roomId}/timestamp_to_event}. */
@QuarkusTest
class TimestampToEventApiTest {

    private static long timestampOf(Matrix.Session reader, String roomId, String eventId) {
        return as(reader).get(path(roomId) + "/event/" + eventId).then().statusCode(200)
                .extract().jsonPath().getLong("origin_server_ts");
    }

    @Test
    void the_closest_event_in_either_direction() throws InterruptedException {
        Matrix.Session alice = Matrix.registerFresh("ts");
        String roomId = Rooms.create(alice, Map.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(5);
            ids.add(Rooms.send(alice, roomId, "m" + i));
        }
        long middle = timestampOf(alice, roomId, ids.get(1));

        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=f&ts=" + middle).then().statusCode(200)
                .body("event_id", equalTo(ids.get(1)))
                .body("origin_server_ts", equalTo(middle));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=b&ts=" + (middle - 1)).then().statusCode(200)
                .body("event_id", equalTo(ids.get(0)));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=f&ts=" + (middle + 1)).then().statusCode(200)
                .body("event_id", equalTo(ids.get(2)));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=b&ts=" + Long.MAX_VALUE).then().statusCode(200)
                .body("event_id", equalTo(ids.get(2)));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=f&ts=0").then().statusCode(200)
                .body("event_id", notNullValue());
    }

    @Test
    void nothing_beyond_the_ends_of_the_room_is_not_found() {
        Matrix.Session alice = Matrix.registerFresh("tsn");
        String roomId = Rooms.create(alice, Map.of());
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=f&ts=" + Long.MAX_VALUE).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=b&ts=0").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void outsiders_and_bad_parameters_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("tsr");
        Matrix.Session eve = Matrix.registerFresh("tse");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(eve).get(v1(roomId) + "/timestamp_to_event?dir=f&ts=0").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=f").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).get(v1(roomId) + "/timestamp_to_event?ts=0").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=up&ts=0").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(v1(roomId) + "/timestamp_to_event?dir=f&ts=yesterday").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(V3 + "/rooms/" + roomId + "/timestamp_to_event?dir=f&ts=0").then().statusCode(404)
                .body("errcode", equalTo("M_UNRECOGNIZED"));
    }
}
