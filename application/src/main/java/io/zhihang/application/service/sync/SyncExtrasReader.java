package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.userdata.AccountDataDelta;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the non-event streams for a sync. A stream whose position has not moved since the token costs nothing.
 */
@ApplicationScoped
public class SyncExtrasReader {
    private final UserDataSyncQueries userData;

    public SyncExtrasReader(UserDataSyncQueries userData) {
        this.userData = userData;
    }

    /** @param since null for an initial sync */
    SyncExtras read(String userId, SyncToken since, SyncToken now, Set<String> joinedRooms, SyncFilter filter) {
        List<JsonObject> global = new ArrayList<>();
        Map<String, List<JsonObject>> roomData = new HashMap<>();
        long adSince = since == null ? 0 : since.accountData();
        if (since == null || adSince < now.accountData()) {
            AccountDataDelta delta = userData.accountDataSince(userId, adSince);
            delta.global().forEach((type, content) -> global.add(event(type, content)));
            delta.rooms().forEach((roomId, byType) -> {
                if (joinedRooms.contains(roomId)) {
                    List<JsonObject> events = new ArrayList<>();
                    byType.forEach((type, content) -> events.add(event(type, content)));
                    roomData.put(roomId, events);
                }
            });
        }
        Map<String, List<JsonObject>> ephemeral = new HashMap<>();
        long receiptsSince = since == null ? 0 : since.receipts();
        if (!joinedRooms.isEmpty() && (since == null || receiptsSince < now.receipts())) {
            userData.receiptsSince(userId, joinedRooms, receiptsSince).forEach((roomId, content) ->
                    ephemeral.computeIfAbsent(roomId, r -> new ArrayList<>()).add(event("m.receipt", content)));
        }
        return new SyncExtras(global, roomData, ephemeral, List.of());
    }

    /** Stream positions of the streams read here, for the next token. */
    long accountDataPosition() {
        return userData.accountDataPosition();
    }

    long receiptPosition() {
        return userData.receiptPosition();
    }

    private static JsonObject event(String type, JsonObject content) {
        return JsonObject.builder().put("type", new JsonString(type)).put("content", content).build();
    }
}
