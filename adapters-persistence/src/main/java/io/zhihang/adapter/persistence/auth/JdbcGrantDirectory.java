package io.zhihang.adapter.persistence.auth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.GrantDirectory;
import io.zhihang.domain.auth.AccessToken;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The token check's read on every request, as one indexed join in plain JDBC: no persistence context, no entity
 * hydration. It joins the caller's transaction when there is one (Agroal is JTA-aware). Answers are kept in the
 * {@link GrantCache}, which the token and account writes empty.
 */
@ApplicationScoped
public class JdbcGrantDirectory implements GrantDirectory {
    private static final String SQL = """
            SELECT t.user_id, t.device_id, t.expires_at, t.refresh_token_hash, t.created_at, t.previous_token_id,
                   u.admin, u.guest
              FROM access_tokens t JOIN users u ON u.user_id = t.user_id
             WHERE t.token_id = ? AND u.deactivated = FALSE""";

    private final AgroalDataSource dataSource;
    private final GrantCache cache;

    JdbcGrantDirectory(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources, GrantCache cache) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
        this.cache = cache;
    }

    @Override
    public Optional<ActiveGrant> findActive(String tokenId) {
        ActiveGrant cached = cache.get(tokenId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long generation = cache.generation();
        Optional<ActiveGrant> found = read(tokenId);
        found.ifPresent(grant -> cache.put(tokenId, grant, generation));
        return found;
    }

    private Optional<ActiveGrant> read(String tokenId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, tokenId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                AccessToken grant = new AccessToken(tokenId, UserId.parse(row.getString(1)),
                        new DeviceId(row.getString(2)), instant(row, 3), row.getString(4), instant(row, 5),
                        row.getString(6));
                return Optional.of(new ActiveGrant(grant, row.getBoolean(7), row.getBoolean(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read access token grant", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
