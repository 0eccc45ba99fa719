package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.RateLimitOverrides;
import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.Optional;

/** The {@code ratelimit_overrides} table and its only writer: at most one override a user. */
@ApplicationScoped
public class JdbcRateLimitOverrides implements RateLimitOverrides {
    private final PlainSql sql;

    JdbcRateLimitOverrides(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public Optional<RateLimitOverride> find(UserId userId) {
        return sql.list("SELECT messages_per_second, burst_count FROM ratelimit_overrides WHERE user_id = ?",
                row -> new RateLimitOverride(row.getInt(1), row.getInt(2)), userId.toString()).stream().findFirst();
    }

    @Override
    public void set(UserId userId, RateLimitOverride override) {
        if (sql.update("UPDATE ratelimit_overrides SET messages_per_second = ?, burst_count = ? WHERE user_id = ?",
                override.messagesPerSecond(), override.burstCount(), userId.toString()) == 0) {
            sql.update("INSERT INTO ratelimit_overrides (user_id, messages_per_second, burst_count) VALUES (?, ?, ?)",
                    userId.toString(), override.messagesPerSecond(), override.burstCount());
        }
    }

    @Override
    public void delete(UserId userId) {
        sql.update("DELETE FROM ratelimit_overrides WHERE user_id = ?", userId.toString());
    }
}
