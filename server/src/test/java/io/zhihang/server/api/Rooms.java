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

    static String putState(Matrix.Session sender, String roomId, String type, Map<String, Object> content) {
        return as(sender).body(content).put(path(roomId) + "/state/" + type)
                .then().log().ifValidationFails().statusCode(200).extract().path("event_id");
    }

    /** {@code #name:localhost} with a name nobody has used in this run. */
    static String freshAlias(String prefix) {
        return "#" + Matrix.freshName(prefix) + ":localhost";
    }

    static void addAlias(Matrix.Session user, String alias, String roomId) {
        as(user).body(Map.of("room_id", roomId)).put(V3 + "/directory/room/{alias}", alias)
                .then().log().ifValidationFails().statusCode(200);
    }
}
