package io.zhihang.domain.event;

import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * Turns a PDU into the event format clients see: {@code content, event_id, origin_server_ts, sender, type},
 * {@code state_key} for state events, {@code room_id} unless the surrounding response names the room, and
 * {@code unsigned} ({@code age}; for a redacted event {@code redacted_because}, with the content pruned by the
 * room version's redaction algorithm; and the bundled aggregations under {@code m.relations} when there are any).
 */
public final class ClientEventFormat {
    private ClientEventFormat() {
    }

    /**
     * @param redaction the redaction that hit this event, or null
     * @param nowMillis the current time, for {@code unsigned.age}
     */
    public static JsonObject format(Pdu pdu, RoomVersion version, Pdu redaction, boolean withRoomId, long nowMillis) {
        return format(pdu, version, redaction, withRoomId, nowMillis, null);
    }

    /**
     * @param relations the bundled aggregations ({@code unsigned."m.relations"}), or null or empty for none
     */
    public static JsonObject format(Pdu pdu, RoomVersion version, Pdu redaction, boolean withRoomId, long nowMillis,
                                    JsonObject relations) {
        JsonObject json = redaction == null ? pdu.json() : Redaction.redact(pdu.json(), version);
        JsonObject.Builder out = JsonObject.builder()
                .put("content", json.object("content").orElse(JsonObject.EMPTY))
                .put("event_id", pdu.eventId())
                .put("origin_server_ts", pdu.originServerTs())
                .put("sender", pdu.sender())
                .put("type", pdu.type());
        pdu.stateKey().ifPresent(key -> out.put("state_key", key));
        if (withRoomId) {
            out.put("room_id", pdu.roomId());
        }
        if (redaction == null) {
            pdu.redacts().ifPresent(target -> out.put("redacts", target));
        }
        JsonObject.Builder unsigned = JsonObject.builder().put("age", Math.max(0, nowMillis - pdu.originServerTs()));
        if (redaction != null) {
            unsigned.put("redacted_because", format(redaction, version, null, withRoomId, nowMillis));
        }
        if (relations != null && relations.size() > 0) {
            unsigned.put("m.relations", relations);
        }
        return out.put("unsigned", unsigned.build()).build();
    }
}
