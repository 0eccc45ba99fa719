package io.zhihang.adapter.persistence.room;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The message hot path in plain JDBC, on the transaction's own connection (Agroal enlists it in the JTA transaction).
 * On PostgreSQL the event, its txn id and the room's new head are written by one statement (data-modifying CTEs);
 * H2 gets the same three writes as separate statements.
 */
@ApplicationScoped
public class JdbcMessageLog implements MessageLog {
    private static final String ROOM_COLUMNS =
            "SELECT r.room_version, r.creator, r.published, r.head_event_id, r.head_depth, r.created_at";
    private static final String EARLIER_EVENT =
            ", (SELECT t.event_id FROM event_txn_ids t WHERE t.user_id = ? AND t.device_id = ? AND t.txn_id = ?)";
    private static final String INSERT_EVENT = """
            INSERT INTO events (event_id, room_id, type, state_key, sender, depth, origin_server_ts, relates_to,
                                rel_type, json) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TXN = """
            INSERT INTO event_txn_ids (user_id, device_id, txn_id, event_id, created_at) VALUES (?, ?, ?, ?, ?)""";
    private static final String ADVANCE_HEAD = "UPDATE rooms SET head_event_id = ?, head_depth = ? WHERE room_id = ?";
    private static final String PG_APPEND = """
            WITH e AS (""" + INSERT_EVENT + """
             RETURNING stream_ordering),
                 t AS (INSERT INTO event_txn_ids (user_id, device_id, txn_id, event_id, created_at)
                       SELECT ?, ?, ?, ?, ? WHERE ? IS NOT NULL),
                 r AS (""" + ADVANCE_HEAD + """
            )
            SELECT stream_ordering FROM e""";

    /**
     * {@link #appendOnHead} on PostgreSQL: the room row locked and its head checked ({@code go} has a row only if the
     * head is the expected event), then every write joins {@code go} (or the events it inserted), so a moved head
     * writes nothing; the rows come in as arrays, one per column, except the events' JSON, one parameter each
     * (in an array literal, each quote of the JSON would be escaped, and unescaped again by the server; the text is
     * made per batch size). A txn id used before fails the whole statement (unique violation), which writes nothing
     * either.
     */
    private static final String PG_APPEND_ON_HEAD = """
            WITH lk AS (SELECT head_event_id FROM rooms WHERE room_id = ? FOR UPDATE),
                 go AS (SELECT 1 FROM lk WHERE head_event_id = ?),
                 ev AS (INSERT INTO events (event_id, room_id, type, state_key, sender, depth, origin_server_ts,
                                            relates_to, rel_type, json)
                        SELECT x.event_id, ?, x.type, NULL, x.sender, x.depth, x.ts, x.relates_to, x.rel_type, x.json
                          FROM go, unnest(?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[],
                                          ARRAY[%s]::text[]) WITH ORDINALITY
                               AS x(event_id, type, sender, depth, ts, relates_to, rel_type, json, n)
                         ORDER BY x.n
                        RETURNING event_id, stream_ordering),
                 tx AS (INSERT INTO event_txn_ids (user_id, device_id, txn_id, event_id, created_at)
                        SELECT x.u, x.d, x.t, x.e, ?
                          FROM go, unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS x(u, d, t, e)),
                 se AS (INSERT INTO event_search (event_id, room_id, sender, field, words, stream_ordering,
                                                  message_type)
                        SELECT x.e, ?, x.s, x.f, x.w, ev.stream_ordering, x.m
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS x(e, s, f, w, m)
                          JOIN ev ON ev.event_id = x.e),
                 pa AS (INSERT INTO event_push_actions (user_id, room_id, event_id, stream_ordering, notify,
                                                        highlight, thread_id, actions)
                        SELECT x.u, ?, x.e, ev.stream_ordering, TRUE, x.h, x.t, x.a
                          FROM unnest(?::text[], ?::text[], ?::bool[], ?::text[], ?::text[]) AS x(u, e, h, t, a)
                          JOIN ev ON ev.event_id = x.e),
                 hd AS (UPDATE rooms SET head_event_id = ?, head_depth = ?
                         WHERE room_id = ? AND EXISTS (SELECT 1 FROM go))
            SELECT event_id, stream_ordering FROM ev""";
    private static final String UNIQUE_VIOLATION = "23505";

    /** {@link #PG_APPEND_ON_HEAD} for n events, by n. */
    private static final Map<Integer, String> APPEND_ON_HEAD_SQL = new ConcurrentHashMap<>();

    /** The lock query for n txn ids, by n (a batch holds at most a few dozen). */
    private static final Map<Integer, String> LOCK_SQL = new ConcurrentHashMap<>();

    private final AgroalDataSource dataSource;
    private final boolean postgres;
    private final TransactionSynchronizationRegistry transactions;

    JdbcMessageLog(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources,
                   TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
        this.postgres = unit.dataSourceName().equals("pg");
        this.transactions = transactions;
    }

    @Override
    public boolean canAppendOnHead() {
        return postgres && transactions.getTransactionKey() == null;
    }

    @Override
    public Optional<List<Long>> appendOnHead(String roomId, String expectedHead, OnHeadRows rows, Instant now) {
        if (!canAppendOnHead()) {
            return Optional.empty();
        }
        List<Append> appends = rows.appends();
        try (Connection c = dataSource.getConnection()) {
            boolean ownCommit = !c.getAutoCommit();
            try {
                Optional<List<Long>> orderings = appendOnHead(c, roomId, expectedHead, rows, now);
                if (ownCommit) {
                    if (orderings.isPresent()) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                }
                return orderings;
            } catch (SQLException e) {
                if (ownCommit) {
                    c.rollback();
                }
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Optional.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + appends.size() + " events in " + roomId, e);
        }
    }

    private static Optional<List<Long>> appendOnHead(Connection c, String roomId, String expectedHead,
                                                     OnHeadRows rows, Instant now) throws SQLException {
        List<Append> appends = rows.appends();
        List<Append> withTxn = appends.stream().filter(a -> a.txn() != null).toList();
        Pdu head = appends.getLast().pdu();
        String sql = APPEND_ON_HEAD_SQL.computeIfAbsent(appends.size(),
                n -> PG_APPEND_ON_HEAD.formatted(String.join(", ", Collections.nCopies(n, "?"))));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, roomId);
            s.setString(i++, expectedHead);
            s.setString(i++, roomId);
            i = bindColumns(c, s, i, appends, a -> a.pdu().eventId(), a -> a.pdu().type(), a -> a.pdu().sender());
            s.setArray(i++, c.createArrayOf("int8", appends.stream().map(a -> a.pdu().depth()).toArray()));
            s.setArray(i++, c.createArrayOf("int8", appends.stream().map(a -> a.pdu().originServerTs()).toArray()));
            i = bindColumns(c, s, i, appends, Append::relatesTo, Append::relType);
            for (Append a : appends) {
                s.setString(i++, a.canonicalJson());
            }
            s.setTimestamp(i++, Timestamp.from(now));
            i = bindColumns(c, s, i, withTxn, a -> a.txn().userId().toString(), a -> a.txn().deviceId().value(),
                    a -> a.txn().txnId(), a -> a.pdu().eventId());
            s.setString(i++, roomId);
            i = bindColumns(c, s, i, rows.search(), EventSearchIndex.Entry::eventId, EventSearchIndex.Entry::sender,
                    e -> e.field().key(), EventSearchIndex.Entry::indexedText, EventSearchIndex.Entry::messageType);
            s.setString(i++, roomId);
            i = bindColumns(c, s, i, rows.notifications(), StoredNotification::userId, StoredNotification::eventId);
            s.setArray(i++, c.createArrayOf("bool", rows.notifications().stream()
                    .map(StoredNotification::highlight).toArray()));
            i = bindColumns(c, s, i, rows.notifications(), StoredNotification::threadId,
                    n -> CanonicalJson.encode(n.actions()));
            s.setString(i++, head.eventId());
            s.setLong(i++, head.depth());
            s.setString(i, roomId);
            Map<String, Long> byEvent = new HashMap<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    byEvent.put(row.getString(1), row.getLong(2));
                }
            }
            if (byEvent.isEmpty()) {
                return Optional.empty();
            }
            List<Long> orderings = new ArrayList<>(appends.size());
            for (Append a : appends) {
                Long ordering = byEvent.get(a.pdu().eventId());
                if (ordering == null) {
                    throw new IllegalStateException("The database stored no ordering for " + a.pdu().eventId());
                }
                orderings.add(ordering);
            }
            return Optional.of(orderings);
        }
    }

    /** One text array parameter per column, each column read from every row. */
    @SafeVarargs
    private static <T> int bindColumns(Connection c, PreparedStatement s, int first, List<T> rows,
                                       Function<T, String>... columns) throws SQLException {
        int i = first;
        for (Function<T, String> column : columns) {
            s.setArray(i++, c.createArrayOf("text", rows.stream().map(column).toArray()));
        }
        return i;
    }

    @Override
    public Optional<SendSlot> lock(String roomId, Txn txn) {
        return lockForBatch(roomId, txn == null ? List.of() : List.of(txn))
                .map(slot -> new SendSlot(slot.room(), txn == null ? null : slot.earlier().get(txn)));
    }

    /**
     * The room's row lock and every txn id's earlier event in one round trip: one primary-key probe per txn id (a
     * list of keys, as an IN list or a VALUES join, is planned as a scan of the device's rows or a hash join).
     */
    @Override
    public Optional<BatchSlot> lockForBatch(String roomId, List<Txn> txns) {
        String sql = LOCK_SQL.computeIfAbsent(txns.size(), n -> ROOM_COLUMNS + EARLIER_EVENT.repeat(n)
                + " FROM rooms r WHERE r.room_id = ? FOR UPDATE");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Txn txn : txns) {
                s.setString(i++, txn.userId().toString());
                s.setString(i++, txn.deviceId().value());
                s.setString(i++, txn.txnId());
            }
            s.setString(i, roomId);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<Txn, String> earlier = new HashMap<>();
                for (int t = 0; t < txns.size(); t++) {
                    String eventId = row.getString(7 + t);
                    if (eventId != null) {
                        earlier.put(txns.get(t), eventId);
                    }
                }
                return Optional.of(new BatchSlot(room(roomId, row), earlier));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock room " + roomId, e);
        }
    }

    private static RoomRecord room(String roomId, ResultSet row) throws SQLException {
        RoomVersion version = RoomVersion.byId(row.getString(1))
                .orElseThrow(() -> new IllegalStateException("Unknown room version in store"));
        return new RoomRecord(roomId, version, row.getString(2), row.getBoolean(3), row.getString(4), row.getLong(5),
                row.getObject(6, OffsetDateTime.class).toInstant());
    }

    @Override
    public List<Long> appendAll(List<Append> appends, Instant now) {
        List<Long> orderings = new ArrayList<>(appends.size());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_EVENT, new String[]{"stream_ordering"})) {
                for (Append a : appends) {
                    bindEvent(s, 1, a.pdu(), a.canonicalJson(), a.relatesTo(), a.relType());
                    s.addBatch();
                }
                s.executeBatch();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next()) {
                        orderings.add(keys.getLong(1));
                    }
                }
            }
            List<Append> withTxn = appends.stream().filter(a -> a.txn() != null).toList();
            if (!withTxn.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(INSERT_TXN)) {
                    for (Append a : withTxn) {
                        s.setString(1, a.txn().userId().toString());
                        s.setString(2, a.txn().deviceId().value());
                        s.setString(3, a.txn().txnId());
                        s.setString(4, a.pdu().eventId());
                        s.setTimestamp(5, Timestamp.from(now));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            Pdu head = appends.getLast().pdu();
            try (PreparedStatement s = c.prepareStatement(ADVANCE_HEAD)) {
                s.setString(1, head.eventId());
                s.setLong(2, head.depth());
                s.setString(3, head.roomId());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a batch of events", e);
        }
        if (orderings.size() != appends.size()) {
            throw new IllegalStateException("The database returned " + orderings.size() + " orderings for "
                    + appends.size() + " events");
        }
        return orderings;
    }

    @Override
    public long append(Pdu pdu, String canonicalJson, String relatesTo, String relType, Txn txn, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return postgres ? appendInOneStatement(c, pdu, canonicalJson, relatesTo, relType, txn, now)
                    : appendStepByStep(c, pdu, canonicalJson, relatesTo, relType, txn, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store event " + pdu.eventId(), e);
        }
    }

    private static long appendInOneStatement(Connection c, Pdu pdu, String json, String relatesTo, String relType,
                                             Txn txn, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PG_APPEND)) {
            int i = bindEvent(s, 1, pdu, json, relatesTo, relType);
            s.setString(i++, txn == null ? null : txn.userId().toString());
            s.setString(i++, txn == null ? null : txn.deviceId().value());
            s.setString(i++, txn == null ? null : txn.txnId());
            s.setString(i++, pdu.eventId());
            s.setTimestamp(i++, Timestamp.from(now));
            s.setString(i++, txn == null ? null : txn.txnId());
            s.setString(i++, pdu.eventId());
            s.setLong(i++, pdu.depth());
            s.setString(i, pdu.roomId());
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long appendStepByStep(Connection c, Pdu pdu, String json, String relatesTo, String relType,
                                         Txn txn, Instant now) throws SQLException {
        long ordering;
        try (PreparedStatement s = c.prepareStatement(INSERT_EVENT, new String[]{"stream_ordering"})) {
            bindEvent(s, 1, pdu, json, relatesTo, relType);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                ordering = keys.getLong(1);
            }
        }
        if (txn != null) {
            try (PreparedStatement s = c.prepareStatement(INSERT_TXN)) {
                s.setString(1, txn.userId().toString());
                s.setString(2, txn.deviceId().value());
                s.setString(3, txn.txnId());
                s.setString(4, pdu.eventId());
                s.setTimestamp(5, Timestamp.from(now));
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement(ADVANCE_HEAD)) {
            s.setString(1, pdu.eventId());
            s.setLong(2, pdu.depth());
            s.setString(3, pdu.roomId());
            s.executeUpdate();
        }
        return ordering;
    }

    private static int bindEvent(PreparedStatement s, int first, Pdu pdu, String json, String relatesTo,
                                 String relType) throws SQLException {
        int i = first;
        s.setString(i++, pdu.eventId());
        s.setString(i++, pdu.roomId());
        s.setString(i++, pdu.type());
        s.setString(i++, pdu.sender());
        s.setLong(i++, pdu.depth());
        s.setLong(i++, pdu.originServerTs());
        s.setString(i++, relatesTo);
        s.setString(i++, relType);
        s.setString(i++, json);
        return i;
    }
}
