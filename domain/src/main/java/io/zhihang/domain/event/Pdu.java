package io.zhihang.domain.event;

import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * A persistent data unit (room event) in federation format, with its event id. The JSON is the source of truth; the
 * accessors read it. The event id is not part of the JSON in room versions 3+ (it is the reference hash).
 */
public record Pdu(String eventId, JsonObject json) {

    /** The room id; a room v12 create event has none in its JSON: its room id is {@code !} + its event id's hash. */
    public String roomId() {
        return json.string("room_id").orElseGet(() -> {
            if (eventId != null && "m.room.create".equals(json.string("type").orElse(null))) {
                return "!" + eventId.substring(1);
            }
            throw new IllegalStateException("Event without room_id: " + eventId);
        });
    }

    public String type() {
        return json.string("type").orElseThrow();
    }

    public String sender() {
        return json.string("sender").orElseThrow();
    }

    /** Present (possibly empty) for state events only. */
    public Optional<String> stateKey() {
        return json.string("state_key");
    }

    public boolean isState() {
        return json.has("state_key");
    }

    public JsonObject content() {
        return json.object("content").orElse(JsonObject.EMPTY);
    }

    public long originServerTs() {
        return json.number("origin_server_ts").orElse(0L);
    }

    public long depth() {
        return json.number("depth").orElse(0L);
    }

    public List<String> prevEvents() {
        return ids("prev_events");
    }

    public List<String> authEvents() {
        return ids("auth_events");
    }

    /** The event a redaction redacts: top level before v11, {@code content.redacts} from v11. */
    public Optional<String> redacts() {
        return json.string("redacts").or(() -> content().string("redacts"));
    }

    private List<String> ids(String key) {
        return json.array(key).map(JsonArray::items).orElse(List.of()).stream()
                .map(Pdu::idOf)
                .flatMap(Optional::stream)
                .toList();
    }

    /** v1/v2 events list {@code [id, hashes]} pairs; v3+ list ids. */
    private static Optional<String> idOf(JsonValue v) {
        if (v instanceof JsonString s) {
            return Optional.of(s.value());
        }
        if (v instanceof JsonArray pair && pair.size() > 0 && pair.get(0) instanceof JsonString s) {
            return Optional.of(s.value());
        }
        return Optional.empty();
    }
}
