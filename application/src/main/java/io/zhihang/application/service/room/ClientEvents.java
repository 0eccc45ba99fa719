package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.ClientEventFormat;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.relation.BundledRelations;
import io.zhihang.domain.relation.ThreadSummary;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stored events in the client format, with redactions applied for every reader and, on request, bundled relations. */
@ApplicationScoped
public class ClientEvents {
    private final EventStore events;
    private final RoomAccess access;
    private final RelationBundles bundles;
    private final InstantSource clock;

    public ClientEvents(EventStore events, RoomAccess access, RelationBundles bundles, InstantSource clock) {
        this.events = events;
        this.access = access;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** An event as a reader sees it, with the bundle it was given (null if none). */
    public record BundledEvent(StoredEvent stored, JsonObject json, BundledRelations relations) {
    }

    /** Events of one room, in the given order, without bundled aggregations (state, members). */
    public List<JsonObject> format(String roomId, List<StoredEvent> stored, boolean withRoomId) {
        if (stored.isEmpty()) {
            return List.of();
        }
        RoomVersion version = access.version(roomId);
        Map<String, Pdu> redactions = redactionsOf(stored);
        long now = clock.millis();
        return stored.stream().map(e -> format(e, version, redactions, withRoomId, now, null)).toList();
    }

    public JsonObject format(String roomId, StoredEvent stored, boolean withRoomId) {
        return format(roomId, List.of(stored), withRoomId).getFirst();
    }

    /** Events looked up by id, keeping the order of {@code eventIds}. */
    public List<JsonObject> formatIds(String roomId, List<String> eventIds, boolean withRoomId) {
        Map<String, StoredEvent> byId = events.findAll(eventIds).stream()
                .collect(Collectors.toMap(e -> e.pdu().eventId(), Function.identity()));
        return format(roomId, eventIds.stream().map(byId::get).filter(Objects::nonNull).toList(), withRoomId);
    }

    /** Timeline events of one room as {@code reader} sees them, with their bundled aggregations. */
    public List<JsonObject> formatFor(String reader, String roomId, List<StoredEvent> stored, boolean withRoomId) {
        return formatBundled(reader, roomId, stored, withRoomId).stream().map(BundledEvent::json).toList();
    }

    /**
     * Like {@link #formatFor}, keeping each event's bundle. One relations query for the page; if threads are among
     * the events, their latest replies are loaded and bundled in turn (one level: a reply cannot be a thread root).
     */
    public List<BundledEvent> formatBundled(String reader, String roomId, List<StoredEvent> stored,
                                            boolean withRoomId) {
        if (stored.isEmpty()) {
            return List.of();
        }
        return formatBundled(reader, roomId, access.version(roomId), stored, withRoomId, false);
    }

    /**
     * {@link #formatFor} for sync timelines, each the latest events of its room up to the sync's position (a suffix
     * of the room's stream, whose children are all in it: see {@link RelationBundles#ofSuffix}): no query.
     */
    public Map<String, List<JsonObject>> formatSuffixes(String reader, Map<String, List<StoredEvent>> pages,
                                                        Map<String, List<StoredEvent>> suffixes, boolean withRoomId) {
        Map<String, Map<String, BundledRelations>> found = new java.util.LinkedHashMap<>();
        suffixes.forEach((roomId, suffix) -> found.put(roomId, bundles.ofSuffix(suffix, reader)));
        return formatForRooms(reader, pages, withRoomId, found);
    }

    private Map<String, List<JsonObject>> formatForRooms(String reader, Map<String, List<StoredEvent>> pages,
                                                         boolean withRoomId,
                                                         Map<String, Map<String, BundledRelations>> found) {
        Map<String, List<JsonObject>> out = new java.util.LinkedHashMap<>();
        pages.forEach((roomId, stored) -> out.put(roomId, stored.isEmpty() ? List.of()
                : formatBundled(reader, roomId, access.version(roomId), stored, withRoomId, false,
                found.getOrDefault(roomId, Map.of())).stream().map(BundledEvent::json).toList()));
        return out;
    }

    /** {@code nested}: formatting the latest replies of threads, which are not followed further. */
    private List<BundledEvent> formatBundled(String reader, String roomId, RoomVersion version,
                                             List<StoredEvent> stored, boolean withRoomId, boolean nested) {
        return formatBundled(reader, roomId, version, stored, withRoomId, nested, bundles.of(roomId, stored, reader));
    }

    private List<BundledEvent> formatBundled(String reader, String roomId, RoomVersion version,
                                             List<StoredEvent> stored, boolean withRoomId, boolean nested,
                                             Map<String, BundledRelations> found) {
        Map<String, JsonObject> latest = nested ? Map.of()
                : latestThreadEvents(reader, roomId, version, stored, found, withRoomId);
        Map<String, Pdu> redactions = redactionsOf(stored);
        long now = clock.millis();
        return stored.stream().map(e -> {
            BundledRelations bundle = found.get(e.pdu().eventId());
            JsonObject relations = bundle == null ? null : bundle.toJson(
                    bundle.replacement() == null ? null
                            : ClientEventFormat.format(bundle.replacement().full(), version, null, withRoomId, now),
                    bundle.thread() == null ? null : latest.get(bundle.thread().latestEventId()));
            return new BundledEvent(e, format(e, version, redactions, withRoomId, now, relations), bundle);
        }).toList();
    }

    /** The latest reply of each thread among the bundles, formatted with its own bundle (edits, references). */
    private Map<String, JsonObject> latestThreadEvents(String reader, String roomId, RoomVersion version,
                                                       List<StoredEvent> page, Map<String, BundledRelations> found,
                                                       boolean withRoomId) {
        List<String> ids = found.values().stream().map(BundledRelations::thread).filter(Objects::nonNull)
                .map(ThreadSummary::latestEventId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, StoredEvent> byId = new HashMap<>();
        page.forEach(e -> byId.put(e.pdu().eventId(), e));
        List<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).toList();
        events.findAll(missing).forEach(e -> byId.put(e.pdu().eventId(), e));
        List<StoredEvent> latest = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return formatBundled(reader, roomId, version, latest, withRoomId, true).stream()
                .collect(Collectors.toMap(e -> e.stored().pdu().eventId(), BundledEvent::json));
    }

    private Map<String, Pdu> redactionsOf(List<StoredEvent> stored) {
        List<String> ids = stored.stream().filter(StoredEvent::isRedacted).map(StoredEvent::redactedBy).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return events.findAll(ids).stream()
                .collect(Collectors.toMap(e -> e.pdu().eventId(), StoredEvent::pdu, (a, b) -> a));
    }

    private static JsonObject format(StoredEvent e, RoomVersion version, Map<String, Pdu> redactions,
                                     boolean withRoomId, long now, JsonObject relations) {
        return ClientEventFormat.format(e.pdu(), version, e.isRedacted() ? redactions.get(e.redactedBy()) : null,
                withRoomId, now, relations);
    }
}
