package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.EventReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code event_reports} table in plain JDBC; its one writer. */
@ApplicationScoped
public class JdbcEventReportStore implements EventReportStore {
    private static final String COLUMNS = "report_id, received_ts, room_id, event_id, user_id, reason, score";

    private final PlainSql sql;

    JdbcEventReportStore(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public long add(long receivedTs, String roomId, String eventId, String userId, String reason, Long score) {
        sql.update("INSERT INTO event_reports (received_ts, room_id, event_id, user_id, reason, score)"
                + " VALUES (?, ?, ?, ?, ?, ?)", receivedTs, roomId, eventId, userId, reason, score);
        // The reporter's newest row: reports by one user are serialised by the request that makes them.
        return sql.list("SELECT MAX(report_id) FROM event_reports WHERE user_id = ? AND received_ts = ?",
                row -> row.getLong(1), userId, receivedTs).getFirst();
    }

    @Override
    public List<StoredReport> page(int from, int limit, boolean backwards, String roomId, String userId) {
        List<Object> params = new ArrayList<>();
        String where = where(roomId, userId, params);
        params.add(limit);
        params.add(from);
        return sql.list("SELECT " + COLUMNS + " FROM event_reports" + where + " ORDER BY report_id "
                + (backwards ? "DESC" : "ASC") + " LIMIT ? OFFSET ?", JdbcEventReportStore::read, params.toArray());
    }

    @Override
    public long count(String roomId, String userId) {
        List<Object> params = new ArrayList<>();
        String where = where(roomId, userId, params);
        return sql.list("SELECT COUNT(*) FROM event_reports" + where, row -> row.getLong(1), params.toArray())
                .getFirst();
    }

    @Override
    public Optional<StoredReport> find(long id) {
        return sql.list("SELECT " + COLUMNS + " FROM event_reports WHERE report_id = ?", JdbcEventReportStore::read, id)
                .stream().findFirst();
    }

    @Override
    public boolean delete(long id) {
        return sql.update("DELETE FROM event_reports WHERE report_id = ?", id) > 0;
    }

    private static String where(String roomId, String userId, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (roomId != null) {
            clauses.add("room_id = ?");
            params.add(roomId);
        }
        if (userId != null) {
            clauses.add("user_id = ?");
            params.add(userId);
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static StoredReport read(ResultSet row) throws SQLException {
        long score = row.getLong(7);
        Long boxedScore = row.wasNull() ? null : score;
        return new StoredReport(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), boxedScore);
    }
}
