package io.zhihang.server.api;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;

/** Room helpers for the API tests. */
final class Rooms {
    private static int txn;

    private Rooms() {
    }

    static String path(String roomId) {
        return V3 + "/rooms/" + roomId;
    }

    static String create(Matrix.Session creator, Map<String, Object> body) {
        return as(creator).body(body).post(V3 + "/createRoom").then().log().ifValidationFails().statusCode(200).extract().path("room_id");
    }

    static String send(Matrix.Session sender, String roomId, String text) {
        return as(sender).body(Map.of("msgtype", "m.text", "body", text))
                .put(path(roomId) + "/send/m.room.message/t" + (++txn))
                .then().statusCode(200).extract().path("event_id");
    }

    static void join(Matrix.Session user, String roomId) {
        as(user).body(Map.of()).post(path(roomId) + "/join").then().statusCode(200);
    }
}
