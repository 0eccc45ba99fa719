package io.zhihang.application.port.out.room;

import io.zhihang.domain.event.Pdu;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Room events. The canonical JSON text is the source of truth; the other columns serve queries. */
public interface EventStore {
    enum Direction { FORWARDS, BACKWARDS }

    /** Appends the event and returns its stream ordering. */
    long append(Pdu pdu, String canonicalJson, String relatesTo, String relType);

    Optional<StoredEvent> find(String eventId);

    List<StoredEvent> findAll(Collection<String> eventIds);

    /**
     * Events of a room in stream order, starting after {@code from} (exclusive; {@code Long.MAX_VALUE} backwards or 0
     * forwards for the end/start), stopping before {@code to} if given (exclusive, or null), at most {@code limit}.
     */
    List<StoredEvent> page(String roomId, long from, Long to, Direction direction, int limit);

    /** The latest state event of (type, stateKey) in the room at or before stream position {@code atOrBefore}. */
    Optional<StoredEvent> latestState(String roomId, String type, String stateKey, long atOrBefore);

    /** The latest stream ordering of the room (0 if none). */
    long latestOrdering(String roomId);

    void markRedacted(String eventId, String redactionEventId);

    /** Events relating to {@code eventId}, optionally of one relation type and event type, in stream order. */
    List<StoredEvent> relations(String eventId, String relType, String eventType, long from, Direction direction,
                                int limit);
}
