package io.zhihang.adapter.persistence.session;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.session.PrivateSessionRepository;
import io.zhihang.domain.session.PrivateSession;
import io.zhihang.domain.session.SessionSettings;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code private_sessions} table in plain JDBC: one row a session, inserted once. */
@ApplicationScoped
public class JdbcPrivateSessionRepository implements PrivateSessionRepository {
    private static final String COLUMNS = "room_id, creator, target, name, ttl_seconds, auto_delete, created_ts";
    private static final String INSERT = "INSERT INTO private_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM private_sessions WHERE room_id = ?";
    private static final String OF_USER = "SELECT " + COLUMNS + " FROM private_sessions WHERE creator = ?"
            + " UNION ALL SELECT " + COLUMNS + " FROM private_sessions WHERE target = ? AND creator <> ?"
            + " ORDER BY created_ts DESC, room_id";

    private final PlainSql sql;

    JdbcPrivateSessionRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void add(PrivateSession session) {
        SessionSettings settings = session.settings();
        sql.update(INSERT, session.id(), session.creator().toString(), session.target().toString(), settings.name(),
                settings.ttlSeconds(), settings.autoDelete(), session.createdAt().toEpochMilli());
    }

    @Override
    public Optional<PrivateSession> find(String sessionId) {
        return sql.list(FIND, JdbcPrivateSessionRepository::session, sessionId).stream().findFirst();
    }

    @Override
    public List<PrivateSession> of(UserId user) {
        String id = user.toString();
        return sql.list(OF_USER, JdbcPrivateSessionRepository::session, id, id, id);
    }

    private static PrivateSession session(ResultSet row) throws SQLException {
        long ttl = row.getLong(5);
        Long ttlSeconds = row.wasNull() ? null : ttl;
        return new PrivateSession(row.getString(1), UserId.parse(row.getString(2)), UserId.parse(row.getString(3)),
                new SessionSettings(row.getString(4), ttlSeconds, row.getBoolean(6)),
                Instant.ofEpochMilli(row.getLong(7)));
    }
}
