package io.zhihang.server.api;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;

/** Sync calls for API tests, with the response as plain maps to walk (room ids make awkward JSON paths). */
final class Syncs {
    private Syncs() {
    }

    static Map<String, Object> sync(Matrix.Session session, String query) {
        return as(session).urlEncodingEnabled(false).get(V3 + "/sync" + (query.isEmpty() ? "" : "?" + query)).then().log().ifValidationFails()
                .statusCode(200).extract().as(MAP);
    }

    static Map<String, Object> initial(Matrix.Session session) {
        return sync(session, "");
    }

    /** An incremental sync that answers at once. */
    static Map<String, Object> since(Matrix.Session session, Map<String, Object> previous) {
        return sync(session, "timeout=0&since=" + previous.get("next_batch"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> json, String... path) {
        Object node = json;
        for (String key : path) {
            node = node == null ? null : ((Map<String, Object>) node).get(key);
        }
        return (Map<String, Object>) node;
    }

    static Map<String, Object> joined(Map<String, Object> sync, String roomId) {
        return at(sync, "rooms", "join", roomId);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> timeline(Map<String, Object> sync, String roomId) {
        return (List<Map<String, Object>>) at(sync, "rooms", "join", roomId, "timeline").get("events");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> state(Map<String, Object> sync, String roomId) {
        return (List<Map<String, Object>>) at(sync, "rooms", "join", roomId, "state").get("events");
    }

    @SuppressWarnings("unchecked")
    static List<String> bodies(List<Map<String, Object>> events) {
        return events.stream().filter(e -> "m.room.message".equals(e.get("type")))
                .map(e -> (String) ((Map<String, Object>) e.get("content")).get("body")).toList();
    }

    static final io.restassured.common.mapper.TypeRef<Map<String, Object>> MAP = new io.restassured.common.mapper.TypeRef<>() {
    };
}
