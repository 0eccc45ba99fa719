package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.ShadowBans;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The {@code shadow_banned_users} table and its only writer: one row a shadow-banned user. */
@ApplicationScoped
public class JdbcShadowBans implements ShadowBans {
    private final PlainSql sql;

    JdbcShadowBans(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public boolean isShadowBanned(UserId userId) {
        return !sql.list("SELECT user_id FROM shadow_banned_users WHERE user_id = ?", row -> row.getString(1),
                userId.toString()).isEmpty();
    }

    @Override
    public void ban(UserId userId, Instant at) {
        if (!isShadowBanned(userId)) {
            sql.update("INSERT INTO shadow_banned_users (user_id, banned_at) VALUES (?, ?)", userId.toString(),
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    @Override
    public void unban(UserId userId) {
        sql.update("DELETE FROM shadow_banned_users WHERE user_id = ?", userId.toString());
    }
}
