package io.zhihang.domain.event;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * Lays out a draft as an unsigned PDU of its room version (before hashing and signing): room id, graph position
 * (prev and auth events, depth), origin and timestamp. In v11+ a redaction's target moves into {@code content}; the
 * top-level {@code redacts} stays for clients of older versions (as Synapse does).
 */
public final class PduTemplate {
    private PduTemplate() {
    }

    public static JsonObject layout(EventDraft draft, String roomId, RoomVersion version, List<String> prevEvents,
                                    List<String> authEvents, long depth, String origin, long originServerTs) {
        JsonObject content = draft.content();
        if (draft.redacts() != null && version.implicitRoomCreator() && !content.has("redacts")) {
            content = content.with("redacts", new JsonString(draft.redacts()));
        }
        JsonObject.Builder pdu = JsonObject.builder()
                .put("auth_events", ids(authEvents))
                .put("prev_events", ids(prevEvents))
                .put("depth", depth)
                .put("type", draft.type())
                .put("sender", draft.sender())
                .put("content", content)
                .put("origin", origin)
                .put("origin_server_ts", originServerTs);
        if (roomId != null) {
            pdu.put("room_id", roomId);
        }
        if (draft.isState()) {
            pdu.put("state_key", draft.stateKey());
        }
        if (draft.redacts() != null) {
            pdu.put("redacts", draft.redacts());
        }
        return pdu.build();
    }

    /**
     * Room v1/v2 (Synapse's {@code FrozenEvent}): the origin server names the event, so {@code event_id} travels in
     * the PDU, and {@code prev_events} and {@code auth_events} list {@code [event_id, {"sha256": reference hash}]}
     * pairs instead of bare ids.
     *
     * @param layout          the event as {@link #layout} laid it out (bare ids)
     * @param eventId         the id the server chose, {@code $opaque:server_name}
     * @param referenceHashes the reference hash (unpadded standard Base64) of every event listed, by id
     */
    public static JsonObject withServerChosenId(JsonObject layout, String eventId,
                                                Map<String, String> referenceHashes) {
        return layout.toBuilder()
                .put("event_id", eventId)
                .put("prev_events", pairs(layout, "prev_events", referenceHashes))
                .put("auth_events", pairs(layout, "auth_events", referenceHashes))
                .build();
    }

    private static JsonArray pairs(JsonObject layout, String key, Map<String, String> referenceHashes) {
        return new JsonArray(layout.array(key).map(JsonArray::items).orElse(List.of()).stream()
                .<JsonValue>map(id -> {
                    String eventId = ((JsonString) id).value();
                    String hash = referenceHashes.get(eventId);
                    if (hash == null) {
                        throw new IllegalArgumentException("No reference hash for " + eventId);
                    }
                    return new JsonArray(List.of(id, JsonObject.builder().put("sha256", hash).build()));
                })
                .toList());
    }

    private static JsonArray ids(List<String> ids) {
        return new JsonArray(ids.stream().<JsonValue>map(JsonString::new).toList());
    }
}
