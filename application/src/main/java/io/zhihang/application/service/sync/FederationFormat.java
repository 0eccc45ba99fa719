package io.zhihang.application.service.sync;

import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;

import java.util.List;

/**
 * A filter's {@code event_format: federation}: events as the PDUs they are (redacted ones pruned), with
 * {@code event_id} (which PDUs of room versions 3+ leave implicit) and {@code unsigned.age}.
 */
final class FederationFormat {
    private FederationFormat() {
    }

    static List<JsonObject> of(List<StoredEvent> events, RoomVersion version, long nowMillis) {
        return events.stream().map(e -> of(e, version, nowMillis)).toList();
    }

    static JsonObject of(StoredEvent e, RoomVersion version, long nowMillis) {
        JsonObject json = e.isRedacted() ? Redaction.redact(e.pdu().json(), version) : e.pdu().json();
        JsonObject unsigned = json.object("unsigned").orElse(JsonObject.EMPTY)
                .with("age", new JsonNumber(Math.max(0, nowMillis - e.pdu().originServerTs())));
        return json.with("event_id", new JsonString(e.pdu().eventId())).with("unsigned", unsigned);
    }
}
