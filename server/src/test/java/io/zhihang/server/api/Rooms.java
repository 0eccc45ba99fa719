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

    /** The {@code /_matrix/client/v1} room paths (relations, threads, timestamp_to_event). */
    static String v1(String roomId) {
        return "/_matrix/client/v1/rooms/" + roomId;
    }

    static String create(Matrix.Session creator, Map<String, Object> body) {
        return as(creator).body(body).post(V3 + "/createRoom").then().log().ifValidationFails().statusCode(200).extract().path("room_id");
    }

    static String send(Matrix.Session sender, String roomId, String text) {
        return as(sender).body(Map.of("msgtype", "m.text", "body", text))
                .put(path(roomId) + "/send/m.room.message/t" + (++txn))
                .then().statusCode(200).extract().path("event_id");
    }

    /** Sends an event of any type and content; returns its id. */
    static String send(Matrix.Session sender, String roomId, String type, Map<String, Object> content) {
        return as(sender).body(content)
                .put(path(roomId) + "/send/" + type + "/t" + (++txn))
                .then().statusCode(200).extract().path("event_id");
    }

    /** A message in the thread of {@code rootId}. */
    static String reply(Matrix.Session sender, String roomId, String rootId, String text) {
        return send(sender, roomId, "m.room.message", Map.of("msgtype", "m.text", "body", text,
                "m.relates_to", Map.of("rel_type", "m.thread", "event_id", rootId)));
    }

    /** An edit of {@code originalId} to {@code text}. */
    static String edit(Matrix.Session sender, String roomId, String originalId, String text) {
        return send(sender, roomId, "m.room.message", Map.of("msgtype", "m.text", "body", "* " + text,
                "m.new_content", Map.of("msgtype", "m.text", "body", text),
                "m.relates_to", Map.of("rel_type", "m.replace", "event_id", originalId)));
    }

    /** An event referencing {@code targetId}. */
    static String reference(Matrix.Session sender, String roomId, String targetId) {
        return send(sender, roomId, "m.key.verification.done",
                Map.of("m.relates_to", Map.of("rel_type", "m.reference", "event_id", targetId)));
    }

    static String redact(Matrix.Session sender, String roomId, String eventId) {
        return as(sender).body(Map.of()).put(path(roomId) + "/redact/" + eventId + "/t" + (++txn))
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
