package io.zhihang.adapter.persistence.room;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.room.BlockedRooms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** The {@code blocked_rooms} table in plain JDBC; its one writer. */
@ApplicationScoped
public class JdbcBlockedRooms implements BlockedRooms {
    private static final String FIND = "SELECT 1 FROM blocked_rooms WHERE room_id = ?";
    private static final String INSERT = "INSERT INTO blocked_rooms (room_id, user_id, blocked_ts)"
            + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM blocked_rooms WHERE room_id = ?)";

    private final PlainSql sql;

    JdbcBlockedRooms(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public boolean isBlocked(String roomId) {
        return !sql.list(FIND, row -> row.getInt(1), roomId).isEmpty();
    }

    @Override
    public void block(String roomId, String byUserId, long ts) {
        sql.update(INSERT, roomId, byUserId, ts, roomId);
    }
}
