package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.relation.RelatedEvent;
import io.zhihang.domain.relation.RelationTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Events in a list whose index is the stream ordering minus one (orderings start at 1 and have no gaps), kept as
 * canonical JSON text and parsed back on every read, like the Panache store. The queries mirror
 * {@code PanacheEventStore}'s.
 */
public class InMemoryEventStore implements EventStore {
    /** One row of the {@code events} table. */
    private record Row(long streamOrdering, String eventId, String roomId, String type, String stateKey,
                       String sender, long originServerTs, String relatesTo, String relType, String redactedBy,
                       String json) {
        StoredEvent toStored() {
            return new StoredEvent(streamOrdering, new Pdu(eventId, Json.parseObject(json)), redactedBy);
        }

        Row redactedBy(String redaction) {
            return new Row(streamOrdering, eventId, roomId, type, stateKey, sender, originServerTs, relatesTo,
                    relType, redaction, json);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();

    @Override
    public synchronized long append(Pdu pdu, String canonicalJson, String relatesTo, String relType) {
        if (indexById.containsKey(pdu.eventId())) {
            throw new IllegalStateException("Duplicate event id " + pdu.eventId());
        }
        long ordering = rows.size() + 1L;
        rows.add(new Row(ordering, pdu.eventId(), pdu.roomId(), pdu.type(), pdu.stateKey().orElse(null),
                pdu.sender(), pdu.originServerTs(), relatesTo, relType, null, canonicalJson));
        indexById.put(pdu.eventId(), rows.size() - 1);
        return ordering;
    }

    @Override
    public synchronized Optional<StoredEvent> find(String eventId) {
        return Optional.ofNullable(indexById.get(eventId)).map(i -> rows.get(i).toStored());
    }

    @Override
    public synchronized void prune(String eventId, String redactedCanonicalJson) {
        Integer i = indexById.get(eventId);
        if (i != null) {
            Row r = rows.get(i);
            rows.set(i, new Row(r.streamOrdering(), r.eventId(), r.roomId(), r.type(), r.stateKey(), r.sender(),
                    r.originServerTs(), r.relatesTo(), r.relType(), r.redactedBy(), redactedCanonicalJson));
        }
    }

    @Override
    public synchronized Optional<StoredEvent> findByOrdering(long streamOrdering) {
        return streamOrdering < 1 || streamOrdering > rows.size() ? Optional.empty()
                : Optional.of(rows.get((int) streamOrdering - 1).toStored());
    }

    @Override
    public synchronized List<StoredEvent> findAll(Collection<String> eventIds) {
        return eventIds.stream().distinct().map(indexById::get).filter(Objects::nonNull)
                .map(i -> rows.get(i).toStored()).toList();
    }

    @Override
    public synchronized List<StoredEvent> page(String roomId, long from, Long to, Direction direction, int limit) {
        return window(roomId, from, to, direction, r -> true).limit(limit).map(Row::toStored).toList();
    }

    @Override
    public synchronized Optional<StoredEvent> latestState(String roomId, String type, String stateKey,
                                                          long atOrBefore) {
        return rows.stream()
                .filter(r -> r.roomId().equals(roomId) && r.type().equals(type) && stateKey.equals(r.stateKey()))
                .filter(r -> r.streamOrdering() <= atOrBefore)
                .max(Comparator.comparingLong(Row::streamOrdering))
                .map(Row::toStored);
    }

    @Override
    public synchronized List<StoredEvent> stateHistory(Collection<String> roomIds, String type, String stateKey) {
        return rows.stream()
                .filter(r -> roomIds.contains(r.roomId()) && r.type().equals(type) && stateKey.equals(r.stateKey()))
                .map(Row::toStored)
                .toList();
    }

    @Override
    public synchronized long latestOrdering(String roomId) {
        return inRoom(roomId).mapToLong(Row::streamOrdering).max().orElse(0L);
    }

    @Override
    public synchronized void markRedacted(String eventId, String redactionEventId) {
        Integer index = indexById.get(eventId);
        if (index != null && rows.get(index).redactedBy() == null) {
            rows.set(index, rows.get(index).redactedBy(redactionEventId));
        }
    }

    @Override
    public synchronized Map<io.zhihang.domain.room.StateKey, StoredEvent> latestStates(
            String roomId, Collection<io.zhihang.domain.room.StateKey> keys, long atOrBefore) {
        Map<io.zhihang.domain.room.StateKey, StoredEvent> out = new HashMap<>();
        for (io.zhihang.domain.room.StateKey key : keys) {
            latestState(roomId, key.type(), key.stateKey(), atOrBefore).ifPresent(e -> out.put(key, e));
        }
        return out;
    }

    @Override
    public synchronized long maxStreamOrdering() {
        return rows.size();
    }

    @Override
    public synchronized java.util.Set<String> roomsWithEventsBetween(Collection<String> roomIds, long since,
                                                                    long upTo) {
        return rows.stream().filter(r -> roomIds.contains(r.roomId()))
                .filter(r -> r.streamOrdering() > since && r.streamOrdering() <= upTo)
                .map(Row::roomId).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public synchronized List<StoredEvent> stateEventsBetween(String roomId, long since, long before) {
        return inRoom(roomId).filter(r -> r.stateKey() != null)
                .filter(r -> r.streamOrdering() > since && r.streamOrdering() < before)
                .map(Row::toStored).toList();
    }

    @Override
    public synchronized List<StoredEvent> relations(String roomId, String eventId, String relType, String eventType,
                                                    long from, Long to, Direction direction, int limit) {
        Predicate<Row> related = r -> eventId.equals(r.relatesTo()) && r.redactedBy() == null
                && (relType == null || relType.equals(r.relType()))
                && (eventType == null || eventType.equals(r.type()));
        return window(roomId, from, to, direction, related).limit(limit).map(Row::toStored).toList();
    }

    @Override
    public synchronized List<RelatedEvent> relationsOf(String roomId, Collection<String> parentIds,
                                                       Collection<String> relTypes) {
        if (parentIds.isEmpty() || relTypes.isEmpty()) {
            return List.of();
        }
        return inRoom(roomId)
                .filter(r -> r.relatesTo() != null && parentIds.contains(r.relatesTo())
                        && relTypes.contains(r.relType()))
                .filter(r -> r.redactedBy() == null)
                .map(r -> new RelatedEvent(r.eventId(), r.relatesTo(), r.relType(), r.type(), r.sender(),
                        r.stateKey() != null, r.originServerTs(), r.streamOrdering(),
                        RelationTypes.REPLACE.equals(r.relType()) ? r.toStored().pdu() : null))
                .toList();
    }

    @Override
    public synchronized int countReplacements(String roomId, String parentId, String sender) {
        return (int) inRoom(roomId)
                .filter(r -> parentId.equals(r.relatesTo()) && RelationTypes.REPLACE.equals(r.relType())
                        && sender.equals(r.sender()))
                .count();
    }

    @Override
    public synchronized List<ThreadActivity> threads(String roomId, long atOrBefore, int limit) {
        Map<String, Long> latestReply = new HashMap<>();
        inRoom(roomId)
                .filter(r -> RelationTypes.THREAD.equals(r.relType()) && r.redactedBy() == null)
                .forEach(r -> latestReply.merge(r.relatesTo(), r.streamOrdering(), Math::max));
        return latestReply.entrySet().stream()
                .filter(e -> e.getValue() <= atOrBefore)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(e -> new ThreadActivity(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public synchronized Optional<StoredEvent> closestTo(String roomId, long ts, Direction direction) {
        boolean back = direction == Direction.BACKWARDS;
        Comparator<Row> byTime = Comparator.comparingLong(Row::originServerTs)
                .thenComparingLong(Row::streamOrdering);
        return inRoom(roomId)
                .filter(r -> back ? r.originServerTs() <= ts : r.originServerTs() >= ts)
                .min(back ? byTime.reversed() : byTime)
                .map(Row::toStored);
    }

    /** Every event of the room in stream order, as stored: for assertions. */
    public synchronized List<StoredEvent> all(String roomId) {
        return inRoom(roomId).map(Row::toStored).toList();
    }

    /** The canonical JSON text stored for the event. */
    public synchronized Optional<String> canonicalJson(String eventId) {
        return Optional.ofNullable(indexById.get(eventId)).map(i -> rows.get(i).json());
    }

    /** How many events the server has stored, in all rooms. */
    public synchronized int size() {
        return rows.size();
    }

    private Stream<Row> inRoom(String roomId) {
        return rows.stream().filter(r -> r.roomId().equals(roomId));
    }

    /** The room's rows strictly between {@code from} and {@code to} (if not null), in the direction's order. */
    private Stream<Row> window(String roomId, long from, Long to, Direction direction, Predicate<Row> filter) {
        boolean back = direction == Direction.BACKWARDS;
        Stream<Row> ordered = back ? rows.reversed().stream() : rows.stream();
        return ordered
                .filter(r -> r.roomId().equals(roomId) && filter.test(r))
                .filter(r -> back ? r.streamOrdering() < from : r.streamOrdering() > from)
                .filter(r -> to == null || (back ? r.streamOrdering() > to : r.streamOrdering() < to));
    }
}
