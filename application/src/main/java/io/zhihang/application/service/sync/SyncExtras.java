package io.zhihang.application.service.sync;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sync carries besides room events: global and per-room account data, ephemeral events per room (typing,
 * receipts) and presence. Rooms with ephemeral events or account data appear in the response even without events.
 */
record SyncExtras(List<JsonObject> accountData, Map<String, List<JsonObject>> roomAccountData,
                  Map<String, List<JsonObject>> ephemeral, List<JsonObject> presence) {

    Set<String> rooms() {
        Set<String> rooms = new HashSet<>(roomAccountData.keySet());
        rooms.addAll(ephemeral.keySet());
        return rooms;
    }

    List<JsonObject> ephemeralOf(String roomId) {
        return ephemeral.getOrDefault(roomId, List.of());
    }

    List<JsonObject> accountDataOf(String roomId) {
        return roomAccountData.getOrDefault(roomId, List.of());
    }
}
