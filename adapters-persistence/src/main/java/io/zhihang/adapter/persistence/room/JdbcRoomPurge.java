package io.zhihang.adapter.persistence.room;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.room.RoomPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.List;

/**
 * Deletes a room's rows, or its history before a point, in plain SQL. Runs in the caller's transaction (the
 * datasource joins it), so a purge commits whole or not at all.
 */
@ApplicationScoped
public class JdbcRoomPurge implements RoomPurge {
    /** Tables keyed by event id whose rows belong to one event. */
    private static final List<String> BY_EVENT = List.of("event_search", "event_push_actions", "encrypted_messages",
            "self_destructs", "voice_messages", "event_txn_ids");
    /** Tables with a room_id column, children before parents (foreign keys to rooms). */
    private static final List<String> BY_ROOM = List.of("event_search", "event_push_actions", "encrypted_messages",
            "self_destructs", "voice_messages", "receipts", "account_data", "delayed_events", "current_state",
            "room_join_rules", "forgotten_rooms", "room_aliases", "private_sessions", "room_numbers", "events",
            "rooms");
    /**
     * The room's events before the point, but for each piece of state the latest event before the point, which the
     * state of the remaining history is built on.
     */
    private static final String DOOMED = "SELECT e.event_id FROM events e WHERE e.room_id = ? AND e.stream_ordering < ?"
            + " AND (e.state_key IS NULL OR e.stream_ordering < (SELECT MAX(s.stream_ordering) FROM events s"
            + " WHERE s.room_id = e.room_id AND s.type = e.type AND s.state_key = e.state_key"
            + " AND s.stream_ordering < ?))";

    private final PlainSql sql;

    JdbcRoomPurge(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public boolean purgeRoom(String roomId) {
        boolean existed = !sql.list("SELECT 1 FROM rooms WHERE room_id = ?", row -> 1, roomId).isEmpty();
        sql.update("DELETE FROM event_txn_ids WHERE event_id IN (SELECT event_id FROM events WHERE room_id = ?)",
                roomId);
        for (String table : BY_ROOM) {
            sql.update("DELETE FROM " + table + " WHERE room_id = ?", roomId);
        }
        return existed;
    }

    @Override
    public int purgeHistory(String roomId, long beforeOrdering, boolean remoteOnly, String localServer) {
        String query = remoteOnly ? DOOMED + " AND e.sender NOT LIKE ?" : DOOMED;
        Object[] params = remoteOnly
                ? new Object[] {roomId, beforeOrdering, beforeOrdering, "%:" + localServer}
                : new Object[] {roomId, beforeOrdering, beforeOrdering};
        List<String> doomed = sql.list(query, row -> row.getString(1), params);
        for (List<String> chunk : PlainSql.chunks(doomed)) {
            Object[] ids = chunk.toArray();
            String in = " WHERE event_id IN (" + PlainSql.placeholders(chunk.size()) + ")";
            for (String table : BY_EVENT) {
                sql.update("DELETE FROM " + table + in, ids);
            }
            sql.update("DELETE FROM events" + in, ids);
        }
        return doomed.size();
    }
}
