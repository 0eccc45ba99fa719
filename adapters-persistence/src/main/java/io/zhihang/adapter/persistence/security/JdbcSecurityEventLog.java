package io.zhihang.adapter.persistence.security;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.security.SecurityEventFilter;
import io.zhihang.application.port.out.security.SecurityEventLog;
import io.zhihang.application.port.out.security.StoredSecurityEvent;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code security_events} table in plain JDBC; its one writer. */
@ApplicationScoped
public class JdbcSecurityEventLog implements SecurityEventLog {
    private static final String INSERT = "INSERT INTO security_events (type, ts, user_id, ip, action, target, details)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "event_id, type, ts, user_id, ip, action, target, details";

    private final PlainSql sql;

    JdbcSecurityEventLog(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void append(SecurityEvent event) {
        sql.update(INSERT, event.type().wireName(), event.at().toEpochMilli(), event.userId(), event.ip(),
                event.action(), event.target(), CanonicalJson.encode(event.details()));
    }

    @Override
    public List<StoredSecurityEvent> find(SecurityEventFilter filter, Long beforeId, int limit) {
        Where where = where(filter);
        if (beforeId != null) {
            where.and("event_id < ?", beforeId);
        }
        where.params.add(limit);
        return sql.list("SELECT " + COLUMNS + " FROM security_events" + where.sql
                + " ORDER BY event_id DESC FETCH FIRST ? ROWS ONLY", JdbcSecurityEventLog::stored,
                where.params.toArray());
    }

    @Override
    public long count(SecurityEventFilter filter) {
        Where where = where(filter);
        return sql.list("SELECT COUNT(*) FROM security_events" + where.sql, row -> row.getLong(1),
                where.params.toArray()).getFirst();
    }

    @Override
    public Map<SecurityEventType, Long> countByType(SecurityEventFilter filter) {
        Where where = where(filter);
        Map<SecurityEventType, Long> out = new EnumMap<>(SecurityEventType.class);
        List<Map.Entry<String, Long>> rows = sql.list("SELECT type, COUNT(*) FROM security_events" + where.sql
                + " GROUP BY type", row -> Map.entry(row.getString(1), row.getLong(2)), where.params.toArray());
        for (Map.Entry<String, Long> row : rows) {
            SecurityEventType.ofWireName(row.getKey()).ifPresent(type -> out.put(type, row.getValue()));
        }
        return out;
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return sql.update("DELETE FROM security_events WHERE ts < ?", cutoff.toEpochMilli());
    }

    private static Where where(SecurityEventFilter filter) {
        Where where = new Where();
        if (filter.type() != null) {
            where.and("type = ?", filter.type().wireName());
        }
        if (filter.userId() != null) {
            where.and("user_id = ?", filter.userId());
        }
        if (filter.ip() != null) {
            where.and("ip = ?", filter.ip());
        }
        if (filter.since() != null) {
            where.and("ts >= ?", filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            where.and("ts < ?", filter.until().toEpochMilli());
        }
        return where;
    }

    private static StoredSecurityEvent stored(ResultSet row) throws SQLException {
        SecurityEventType type = SecurityEventType.ofWireName(row.getString("type"))
                .orElseThrow(() -> new SQLException("Unknown security event type"));
        SecurityEvent event = new SecurityEvent(type, Instant.ofEpochMilli(row.getLong("ts")), row.getString("user_id"),
                row.getString("ip"), row.getString("action"), row.getString("target"),
                Json.parseObject(row.getString("details")));
        return new StoredSecurityEvent(row.getLong("event_id"), event);
    }

    /** A WHERE clause built from the criteria present, with its parameters in order. */
    private static final class Where {
        private String sql = "";
        private final List<Object> params = new ArrayList<>();

        void and(String condition, Object param) {
            sql += (sql.isEmpty() ? " WHERE " : " AND ") + condition;
            params.add(param);
        }
    }
}
