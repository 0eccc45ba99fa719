package io.zhihang.adapter.persistence.room;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.relation.RelatedEvent;
import io.zhihang.domain.relation.RelationTypes;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class PanacheEventStore implements EventStore {
    private final EventPanacheRepo repo;

    PanacheEventStore(EventPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public long append(Pdu pdu, String canonicalJson, String relatesTo, String relType) {
        EventEntity e = new EventEntity();
        e.eventId = pdu.eventId();
        e.roomId = pdu.roomId();
        e.type = pdu.type();
        e.stateKey = pdu.stateKey().orElse(null);
        e.sender = pdu.sender();
        e.depth = pdu.depth();
        e.originServerTs = pdu.originServerTs();
        e.relatesTo = relatesTo;
        e.relType = relType;
        e.json = canonicalJson;
        repo.persist(e);
        return e.streamOrdering;
    }

    @Override
    public Optional<StoredEvent> find(String eventId) {
        return repo.find("eventId", eventId).firstResultOptional().map(PanacheEventStore::toStored);
    }

    @Override
    public Optional<StoredEvent> findByOrdering(long streamOrdering) {
        return repo.find("streamOrdering", streamOrdering).firstResultOptional().map(PanacheEventStore::toStored);
    }

    @Override
    public List<StoredEvent> findAll(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return repo.list("eventId in ?1", eventIds).stream().map(PanacheEventStore::toStored).toList();
    }

    @Override
    public List<StoredEvent> page(String roomId, long from, Long to, Direction direction, int limit) {
        boolean back = direction == Direction.BACKWARDS;
        String query = "roomId = :room and streamOrdering " + (back ? "<" : ">") + " :from"
                + (to == null ? "" : " and streamOrdering " + (back ? ">" : "<") + " :to");
        Map<String, Object> params = new HashMap<>(Map.of("room", roomId, "from", from));
        if (to != null) {
            params.put("to", to);
        }
        Sort sort = back ? Sort.descending("streamOrdering") : Sort.ascending("streamOrdering");
        return repo.find(query, sort, params).page(Page.ofSize(limit)).list().stream()
                .map(PanacheEventStore::toStored).toList();
    }

    @Override
    public Optional<StoredEvent> latestState(String roomId, String type, String stateKey, long atOrBefore) {
        return repo.find("roomId = ?1 and type = ?2 and stateKey = ?3 and streamOrdering <= ?4",
                        Sort.descending("streamOrdering"), roomId, type, stateKey, atOrBefore)
                .firstResultOptional().map(PanacheEventStore::toStored);
    }

    @Override
    public List<StoredEvent> stateHistory(Collection<String> roomIds, String type, String stateKey) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return repo.list("roomId in ?1 and type = ?2 and stateKey = ?3", Sort.ascending("streamOrdering"), roomIds,
                type, stateKey).stream().map(PanacheEventStore::toStored).toList();
    }

    @Override
    public long latestOrdering(String roomId) {
        return repo.find("roomId", Sort.descending("streamOrdering"), roomId).firstResultOptional()
                .map(e -> e.streamOrdering).orElse(0L);
    }

    @Override
    public void markRedacted(String eventId, String redactionEventId) {
        repo.update("redactedBy = ?1 where eventId = ?2 and redactedBy is null", redactionEventId, eventId);
    }

    @Override
    public void prune(String eventId, String redactedCanonicalJson) {
        repo.update("json = ?1 where eventId = ?2", redactedCanonicalJson, eventId);
    }

    @Override
    public Map<StateKey, StoredEvent> latestStates(String roomId, Collection<StateKey> keys, long atOrBefore) {
        return latestStates(Map.of(roomId, keys), Map.of(roomId, atOrBefore)).getOrDefault(roomId, Map.of());
    }

    private static final int CHUNK = 500;

    @Override
    public Map<String, List<StoredEvent>> latestPerRoom(Collection<String> roomIds, long upTo, int perRoom) {
        Map<String, List<StoredEvent>> out = new java.util.LinkedHashMap<>();
        List<String> all = List.copyOf(roomIds);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            // Rank only the index (room_id, stream_ordering), then load the few rows that made it; plain JDBC on
            // the transaction's connection, since thousands of rows as managed entities cost more than the query.
            String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            String sql = """
                    SELECT e.stream_ordering, e.room_id, e.event_id, e.redacted_by, e.json FROM events e
                    JOIN (SELECT stream_ordering FROM (
                            SELECT stream_ordering,
                                   ROW_NUMBER() OVER (PARTITION BY room_id ORDER BY stream_ordering DESC) AS rn
                            FROM events WHERE room_id IN (%s) AND stream_ordering <= ?) ranked
                          WHERE rn <= ?) top ON top.stream_ordering = e.stream_ordering
                    ORDER BY e.stream_ordering DESC""".formatted(placeholders);
            repo.getSession().doWork(connection -> {
                try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                    int p = 1;
                    for (String roomId : chunk) {
                        statement.setString(p++, roomId);
                    }
                    statement.setLong(p++, upTo);
                    statement.setInt(p, perRoom);
                    try (java.sql.ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            String eventId = rows.getString(3);
                            out.computeIfAbsent(rows.getString(2), r -> new java.util.ArrayList<>())
                                    .add(new StoredEvent(rows.getLong(1),
                                            new Pdu(eventId, Json.parseObject(rows.getString(5))), rows.getString(4)));
                        }
                    }
                }
            });
        }
        return out;
    }

    @Override
    public List<StoredEvent> stateEventsAfter(Collection<String> roomIds, long after) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return repo.list("roomId in ?1 and stateKey is not null and streamOrdering > ?2",
                        Sort.ascending("streamOrdering"), roomIds, after).stream()
                .map(PanacheEventStore::toStored).toList();
    }

    @Override
    public Map<String, Map<StateKey, StoredEvent>> latestStates(Map<String, ? extends Collection<StateKey>> keysByRoom,
                                                                Map<String, Long> atOrBefore) {
        Map<String, Map<StateKey, StoredEvent>> out = new java.util.LinkedHashMap<>();
        Set<String> rooms = new java.util.HashSet<>();
        Set<String> types = new java.util.HashSet<>();
        Set<String> stateKeys = new java.util.HashSet<>();
        long maxBound = 0;
        for (var entry : keysByRoom.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            rooms.add(entry.getKey());
            maxBound = Math.max(maxBound, atOrBefore.get(entry.getKey()));
            for (StateKey key : entry.getValue()) {
                types.add(key.type());
                stateKeys.add(key.stateKey());
            }
        }
        if (rooms.isEmpty()) {
            return out;
        }
        // Candidates for every room in one query; each room's keys and bound are applied here.
        for (EventEntity e : repo.list("roomId in ?1 and type in ?2 and stateKey in ?3 and streamOrdering <= ?4",
                Sort.descending("streamOrdering"), rooms, types, stateKeys, maxBound)) {
            StateKey key = new StateKey(e.type, e.stateKey);
            Collection<StateKey> wanted = keysByRoom.get(e.roomId);
            if (wanted == null || !wanted.contains(key) || e.streamOrdering > atOrBefore.get(e.roomId)) {
                continue;
            }
            Map<StateKey, StoredEvent> room = out.computeIfAbsent(e.roomId, r -> new HashMap<>());
            if (!room.containsKey(key)) {
                room.put(key, toStored(e));
            }
        }
        return out;
    }

    @Override
    public long maxStreamOrdering() {
        Long max = repo.getSession().createSelectionQuery("select max(e.streamOrdering) from EventEntity e", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    @Override
    public Set<String> roomsWithEventsBetween(Collection<String> roomIds, long since, long upTo) {
        if (roomIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(repo.getSession().createSelectionQuery("""
                        select distinct e.roomId from EventEntity e
                        where e.roomId in :rooms and e.streamOrdering > :since and e.streamOrdering <= :upTo""",
                        String.class)
                .setParameter("rooms", roomIds)
                .setParameter("since", since)
                .setParameter("upTo", upTo)
                .getResultList());
    }

    @Override
    public List<StoredEvent> stateEventsBetween(String roomId, long since, long before) {
        return repo.list("roomId = ?1 and stateKey is not null and streamOrdering > ?2 and streamOrdering < ?3",
                        Sort.ascending("streamOrdering"), roomId, since, before).stream()
                .map(PanacheEventStore::toStored).toList();
    }

    @Override
    public List<StoredEvent> relations(String roomId, String eventId, String relType, String eventType, long from,
                                       Long to, Direction direction, int limit) {
        boolean back = direction == Direction.BACKWARDS;
        StringBuilder q = new StringBuilder("roomId = :room and relatesTo = :target and redactedBy is null")
                .append(" and streamOrdering ").append(back ? "<" : ">").append(" :from");
        Map<String, Object> params = new HashMap<>(Map.of("room", roomId, "target", eventId, "from", from));
        if (to != null) {
            q.append(" and streamOrdering ").append(back ? ">" : "<").append(" :to");
            params.put("to", to);
        }
        if (relType != null) {
            q.append(" and relType = :relType");
            params.put("relType", relType);
        }
        if (eventType != null) {
            q.append(" and type = :type");
            params.put("type", eventType);
        }
        Sort sort = back ? Sort.descending("streamOrdering") : Sort.ascending("streamOrdering");
        return repo.find(q.toString(), sort, params).page(Page.ofSize(limit)).list().stream()
                .map(PanacheEventStore::toStored).toList();
    }

    @Override
    public List<RelatedEvent> relationsOf(String roomId, Collection<String> parentIds, Collection<String> relTypes) {
        if (parentIds.isEmpty() || relTypes.isEmpty()) {
            return List.of();
        }
        // One query for a whole page of parents. Only edits bring their JSON: the rules read their content and the
        // bundle serves them whole, while a long thread is only counted.
        return repo.getSession().createSelectionQuery("""
                        select e.eventId, e.relatesTo, e.relType, e.type, e.sender, e.stateKey, e.originServerTs,
                               e.streamOrdering, case when e.relType = :replace then e.json else null end
                        from EventEntity e
                        where e.roomId = :room and e.relatesTo in :parents and e.relType in :types
                          and e.redactedBy is null
                        order by e.streamOrdering""", Object[].class)
                .setParameter("replace", RelationTypes.REPLACE)
                .setParameter("room", roomId)
                .setParameter("parents", parentIds)
                .setParameter("types", relTypes)
                .getResultList().stream()
                .map(PanacheEventStore::toRelated)
                .toList();
    }

    @Override
    public int countReplacements(String roomId, String parentId, String sender) {
        // Served by the (relates_to, rel_type) index; redacted edits count too.
        return (int) repo.count("relatesTo = ?1 and relType = ?2 and roomId = ?3 and sender = ?4", parentId,
                RelationTypes.REPLACE, roomId, sender);
    }

    @Override
    public List<ThreadActivity> threads(String roomId, long atOrBefore, int limit) {
        return repo.getSession().createSelectionQuery("""
                        select e.relatesTo, max(e.streamOrdering)
                        from EventEntity e
                        where e.roomId = :room and e.relType = :thread and e.redactedBy is null
                        group by e.relatesTo
                        having max(e.streamOrdering) <= :before
                        order by max(e.streamOrdering) desc""", Object[].class)
                .setParameter("room", roomId)
                .setParameter("thread", RelationTypes.THREAD)
                .setParameter("before", atOrBefore)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(row -> new ThreadActivity((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    @Override
    public Optional<StoredEvent> closestTo(String roomId, long ts, Direction direction) {
        boolean back = direction == Direction.BACKWARDS;
        Sort sort = back ? Sort.descending("originServerTs", "streamOrdering")
                : Sort.ascending("originServerTs", "streamOrdering");
        return repo.find("roomId = ?1 and originServerTs " + (back ? "<=" : ">=") + " ?2", sort, roomId, ts)
                .firstResultOptional().map(PanacheEventStore::toStored);
    }

    private static RelatedEvent toRelated(Object[] row) {
        String eventId = (String) row[0];
        String json = (String) row[8];
        return new RelatedEvent(eventId, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                row[5] != null, ((Number) row[6]).longValue(), ((Number) row[7]).longValue(),
                json == null ? null : new Pdu(eventId, Json.parseObject(json)));
    }

    private static StoredEvent toStored(EventEntity e) {
        return new StoredEvent(e.streamOrdering, new Pdu(e.eventId, Json.parseObject(e.json)), e.redactedBy);
    }
}
