package io.zhihang.adapter.persistence.auth;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.RegistrationTokenRepository;
import io.zhihang.domain.auth.RegistrationToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Registration tokens and their holds in plain JDBC. Pending uses are counted from the live holds, never stored, so
 * an expired UIA session stops counting without anyone releasing it. Holding locks the token's row
 * ({@code SELECT … FOR UPDATE}) while the uses left are counted, so the last use goes to one registration only.
 */
@ApplicationScoped
public class JdbcRegistrationTokenRepository implements RegistrationTokenRepository {
    private static final String SELECT = """
            SELECT t.token, t.uses_allowed, t.completed, t.expiry_time,
                   (SELECT COUNT(*) FROM registration_token_holds h WHERE h.token = t.token AND h.held_ts > ?)
              FROM registration_tokens t""";
    private static final String LOCK = "SELECT token FROM registration_tokens WHERE token = ? FOR UPDATE";
    private static final String EXISTS = "SELECT 1 FROM registration_tokens WHERE token = ?";
    private static final String INSERT = """
            INSERT INTO registration_tokens (token, uses_allowed, completed, expiry_time) VALUES (?, ?, 0, ?)""";
    private static final String UPDATE = "UPDATE registration_tokens SET uses_allowed = ?, expiry_time = ? WHERE token = ?";
    private static final String DELETE_HOLDS = "DELETE FROM registration_token_holds WHERE token = ?";
    private static final String DELETE = "DELETE FROM registration_tokens WHERE token = ?";
    private static final String HELD_BY = "SELECT token FROM registration_token_holds WHERE session_id = ?";
    private static final String RELEASE = "DELETE FROM registration_token_holds WHERE session_id = ?";
    private static final String FORGET_EXPIRED = "DELETE FROM registration_token_holds WHERE token = ? AND held_ts <= ?";
    private static final String HOLD = "INSERT INTO registration_token_holds (session_id, token, held_ts) VALUES (?, ?, ?)";
    private static final String COMPLETED = "UPDATE registration_tokens SET completed = completed + 1 WHERE token = ?";

    private final PlainSql sql;

    JdbcRegistrationTokenRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public List<RegistrationToken> all(Instant liveSince) {
        return sql.list(SELECT + " ORDER BY t.token", JdbcRegistrationTokenRepository::token, liveSince.toEpochMilli());
    }

    @Override
    public Optional<RegistrationToken> find(String token, Instant liveSince) {
        return sql.list(SELECT + " WHERE t.token = ?", JdbcRegistrationTokenRepository::token,
                liveSince.toEpochMilli(), token).stream().findFirst();
    }

    @Override
    public boolean insert(String token, Integer usesAllowed, Long expiryTime) {
        if (!sql.list(EXISTS, row -> row.getInt(1), token).isEmpty()) {
            return false;
        }
        return sql.update(INSERT, token, usesAllowed, expiryTime) == 1;
    }

    @Override
    public boolean update(String token, Integer usesAllowed, Long expiryTime) {
        return sql.update(UPDATE, usesAllowed, expiryTime, token) == 1;
    }

    @Override
    public boolean delete(String token) {
        sql.update(DELETE_HOLDS, token);
        return sql.update(DELETE, token) == 1;
    }

    @Override
    public boolean hold(String token, String sessionId, Instant now, Instant liveSince) {
        if (sql.list(LOCK, row -> row.getString(1), token).isEmpty()) {
            return false;
        }
        Optional<String> held = sql.list(HELD_BY, row -> row.getString(1), sessionId).stream().findFirst();
        if (held.isPresent() && held.get().equals(token)) {
            return true;
        }
        RegistrationToken current = find(token, liveSince).orElseThrow();
        if (!current.isValid(now)) {
            return false;
        }
        sql.update(RELEASE, sessionId);
        sql.update(FORGET_EXPIRED, token, liveSince.toEpochMilli());
        sql.update(HOLD, sessionId, token, now.toEpochMilli());
        return true;
    }

    @Override
    public void complete(String sessionId) {
        Optional<String> held = sql.list(HELD_BY, row -> row.getString(1), sessionId).stream().findFirst();
        if (held.isPresent()) {
            sql.update(RELEASE, sessionId);
            sql.update(COMPLETED, held.get());
        }
    }

    private static RegistrationToken token(ResultSet row) throws SQLException {
        return new RegistrationToken(row.getString(1), row.getObject(2) == null ? null : row.getInt(2),
                row.getInt(5), row.getInt(3), row.getObject(4) == null ? null : row.getLong(4));
    }
}
