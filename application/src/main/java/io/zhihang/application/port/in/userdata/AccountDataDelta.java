package io.zhihang.application.port.in.userdata;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Map;

/**
 * Account data for sync: {@code global} is type → content; {@code rooms} is room id → type → content. A deleted
 * entry has the content {@code {}}.
 */
public record AccountDataDelta(Map<String, JsonObject> global, Map<String, Map<String, JsonObject>> rooms) {
    public AccountDataDelta {
        global = Map.copyOf(global);
        rooms = Map.copyOf(rooms);
    }

    public boolean isEmpty() {
        return global.isEmpty() && rooms.isEmpty();
    }
}
