package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.ClientEventFormat;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stored events in the client format, with redactions applied for every reader. */
@ApplicationScoped
public class ClientEvents {
    private final EventStore events;
    private final RoomAccess access;
    private final InstantSource clock;

    public ClientEvents(EventStore events, RoomAccess access, InstantSource clock) {
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    /** Events of one room, in the given order. */
    public List<JsonObject> format(String roomId, List<StoredEvent> stored, boolean withRoomId) {
        if (stored.isEmpty()) {
            return List.of();
        }
        RoomVersion version = access.version(roomId);
        List<String> redactionIds = stored.stream().filter(StoredEvent::isRedacted).map(StoredEvent::redactedBy).toList();
        Map<String, Pdu> redactions = events.findAll(redactionIds).stream()
                .collect(Collectors.toMap(e -> e.pdu().eventId(), StoredEvent::pdu, (a, b) -> a));
        long now = clock.millis();
        return stored.stream()
                .map(e -> ClientEventFormat.format(e.pdu(), version,
                        e.isRedacted() ? redactions.get(e.redactedBy()) : null, withRoomId, now))
                .toList();
    }

    public JsonObject format(String roomId, StoredEvent stored, boolean withRoomId) {
        return format(roomId, List.of(stored), withRoomId).getFirst();
    }

    /** Events looked up by id, keeping the order of {@code eventIds}. */
    public List<JsonObject> formatIds(String roomId, List<String> eventIds, boolean withRoomId) {
        Map<String, StoredEvent> byId = events.findAll(eventIds).stream()
                .collect(Collectors.toMap(e -> e.pdu().eventId(), Function.identity()));
        return format(roomId, eventIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), withRoomId);
    }
}
