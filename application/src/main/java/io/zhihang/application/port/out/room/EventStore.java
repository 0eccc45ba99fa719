package io.zhihang.application.port.out.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.relation.RelatedEvent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Room events. The canonical JSON text is the source of truth; the other columns serve queries. */
public interface EventStore {
    enum Direction { FORWARDS, BACKWARDS }

    /** Appends the event and returns its stream ordering. */
    long append(Pdu pdu, String canonicalJson, String relatesTo, String relType);

    Optional<StoredEvent> find(String eventId);

    /** The event at a stream position (the seed API's numeric message id). */
    Optional<StoredEvent> findByOrdering(long streamOrdering);

    List<StoredEvent> findAll(Collection<String> eventIds);

    /**
     * Events of a room in stream order, starting after {@code from} (exclusive; {@code Long.MAX_VALUE} backwards or 0
     * forwards for the end/start), stopping before {@code to} if given (exclusive, or null), at most {@code limit}.
     */
    List<StoredEvent> page(String roomId, long from, Long to, Direction direction, int limit);

    /** The latest state event of (type, stateKey) in the room at or before stream position {@code atOrBefore}. */
    Optional<StoredEvent> latestState(String roomId, String type, String stateKey, long atOrBefore);

    /**
     * Every state event of (type, stateKey) in the given rooms, in stream order: the history of one piece of state,
     * such as a user's membership, across rooms at once.
     */
    List<StoredEvent> stateHistory(Collection<String> roomIds, String type, String stateKey);

    /** The latest stream ordering of the room (0 if none). */
    long latestOrdering(String roomId);

    void markRedacted(String eventId, String redactionEventId);

    /** Replaces an event's stored JSON with its redacted form: the content is gone from storage, not only hidden. */
    void prune(String eventId, String redactedCanonicalJson);

    /** For each key, the latest state event of the room at or before {@code atOrBefore}; keys with none are absent. */
    Map<io.zhihang.domain.room.StateKey, StoredEvent> latestStates(String roomId,
                                                                  Collection<io.zhihang.domain.room.StateKey> keys,
                                                                  long atOrBefore);

    /**
     * For several rooms at once (initial sync): for each room, its latest {@code perRoom} events at or before
     * {@code upTo}, newest first. Rooms without events are absent. Adapters answer in one query.
     */
    default Map<String, List<StoredEvent>> latestPerRoom(Collection<String> roomIds, long upTo, int perRoom) {
        Map<String, List<StoredEvent>> out = new java.util.LinkedHashMap<>();
        for (String roomId : roomIds) {
            List<StoredEvent> page = page(roomId, upTo + 1, null, Direction.BACKWARDS, perRoom);
            if (!page.isEmpty()) {
                out.put(roomId, page);
            }
        }
        return out;
    }

    /** The state events of several rooms after {@code after} (exclusive), in stream order. */
    default List<StoredEvent> stateEventsAfter(Collection<String> roomIds, long after) {
        List<StoredEvent> out = new java.util.ArrayList<>();
        for (String roomId : roomIds) {
            out.addAll(stateEventsBetween(roomId, after, Long.MAX_VALUE));
        }
        return out;
    }

    /**
     * {@link #latestStates} for several rooms, each with its own keys and bound: room id → key → the latest state
     * event at or before the room's bound.
     */
    default Map<String, Map<io.zhihang.domain.room.StateKey, StoredEvent>> latestStates(
            Map<String, ? extends Collection<io.zhihang.domain.room.StateKey>> keysByRoom,
            Map<String, Long> atOrBefore) {
        Map<String, Map<io.zhihang.domain.room.StateKey, StoredEvent>> out = new java.util.LinkedHashMap<>();
        keysByRoom.forEach((roomId, keys) -> {
            if (!keys.isEmpty()) {
                out.put(roomId, latestStates(roomId, keys, atOrBefore.get(roomId)));
            }
        });
        return out;
    }

    /** The highest stream ordering of any event (0 if none). */
    long maxStreamOrdering();

    /** Of {@code roomIds}, those with events in ({@code since}, {@code upTo}]. */
    java.util.Set<String> roomsWithEventsBetween(Collection<String> roomIds, long since, long upTo);

    /** The state events of a room in ({@code since}, {@code before}) (both exclusive), in stream order. */
    List<StoredEvent> stateEventsBetween(String roomId, long since, long before);

    /**
     * Events of {@code roomId} relating to {@code eventId}, leaving out redacted ones (a redaction removes the
     * relation), optionally of one relation type and event type, in stream order. Bounds as in {@link #page}.
     */
    List<StoredEvent> relations(String roomId, String eventId, String relType, String eventType, long from, Long to,
                                Direction direction, int limit);

    /**
     * The children of several parents in one room, for aggregation: those of the given relation types, leaving out
     * redacted ones, in stream order. Rows are light; the whole event is loaded only for {@code m.replace} children.
     */
    List<RelatedEvent> relationsOf(String roomId, Collection<String> parentIds, Collection<String> relTypes);

    /**
     * How many {@code m.replace} events {@code sender} sent in {@code roomId} relating to {@code parentId}, redacted
     * ones included: the edit limit counts every edit ever sent, so redacting an edit gives none back.
     */
    int countReplacements(String roomId, String parentId, String sender);

    /**
     * The threads of a room, most recently active first: each root's id and the stream ordering of its latest
     * unredacted reply, for threads whose latest reply is at or before {@code atOrBefore}. Roots are not checked.
     */
    List<ThreadActivity> threads(String roomId, long atOrBefore, int limit);

    /** The thread root {@code rootId} and the stream ordering of its latest reply. */
    record ThreadActivity(String rootId, long latestOrdering) {
    }

    /**
     * The event of the room closest to {@code ts}: the first at or after it ({@code FORWARDS}) or the last at or
     * before it ({@code BACKWARDS}), by {@code origin_server_ts} and then stream order.
     */
    Optional<StoredEvent> closestTo(String roomId, long ts, Direction direction);
}
