package io.zhihang.adapter.persistence.lifecycle;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Self-destruct times in plain JDBC. The claim is a conditional update ({@code … WHERE destroyed_ts IS NULL}): of two
 * instances claiming one row, the second waits for the first's transaction and then changes nothing.
 */
@ApplicationScoped
public class JdbcSelfDestructs implements SelfDestructs {
    private static final String MOVE = """
            UPDATE self_destructs SET destruct_ts = ? WHERE event_id = ? AND destroyed_ts IS NULL""";
    private static final String INSERT = """
            INSERT INTO self_destructs (event_id, room_id, destruct_ts)
            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM self_destructs WHERE event_id = ?)""";
    private static final String FIND = """
            SELECT event_id, room_id, destruct_ts, destroyed_ts FROM self_destructs WHERE event_id = ?""";
    private static final String CANCEL = "DELETE FROM self_destructs WHERE event_id = ? AND destroyed_ts IS NULL";
    private static final String DUE = """
            SELECT event_id FROM self_destructs WHERE destruct_ts <= ? AND destroyed_ts IS NULL
             ORDER BY destruct_ts LIMIT ?""";
    private static final String CLAIM = """
            UPDATE self_destructs SET destroyed_ts = ? WHERE event_id = ? AND destroyed_ts IS NULL""";

    private final PlainSql sql;

    JdbcSelfDestructs(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void schedule(String eventId, String roomId, Instant at) {
        if (sql.update(MOVE, at.toEpochMilli(), eventId) == 0) {
            sql.update(INSERT, eventId, roomId, at.toEpochMilli(), eventId);
        }
    }

    @Override
    public Optional<Scheduled> find(String eventId) {
        return sql.list(FIND, row -> new Scheduled(row.getString(1), row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)),
                row.getObject(4) == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(row.getLong(4)))),
                eventId).stream().findFirst();
    }

    @Override
    public void cancel(String eventId) {
        sql.update(CANCEL, eventId);
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return sql.list(DUE, row -> row.getString(1), now.toEpochMilli(), limit);
    }

    @Override
    public boolean claim(String eventId, Instant now) {
        return sql.update(CLAIM, now.toEpochMilli(), eventId) == 1;
    }
}
