package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.ShadowBans;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The {@code shadow_banned_users} table and its only writer: one row a shadow-banned user. Every send asks whether its
 * sender is shadow-banned, so the answer comes from an in-memory copy of the (small) table: dropped on every change
 * made here and reloaded at most {@link #FRESHNESS} after a change made by another instance (or by a transaction
 * still committing when a send reloaded it).
 */
@ApplicationScoped
public class JdbcShadowBans implements ShadowBans {
    static final Duration FRESHNESS = Duration.ofSeconds(5);

    private record Snapshot(Set<String> users, long loadedAtNanos) {
    }

    private final PlainSql sql;
    private volatile Snapshot snapshot;

    JdbcShadowBans(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public boolean isShadowBanned(UserId userId) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > FRESHNESS.toNanos()) {
            current = new Snapshot(Set.copyOf(sql.list("SELECT user_id FROM shadow_banned_users",
                    row -> row.getString(1))), System.nanoTime());
            snapshot = current;
        }
        return current.users().contains(userId.toString());
    }

    @Override
    public void ban(UserId userId, Instant at) {
        if (sql.list("SELECT user_id FROM shadow_banned_users WHERE user_id = ?", row -> row.getString(1),
                userId.toString()).isEmpty()) {
            sql.update("INSERT INTO shadow_banned_users (user_id, banned_at) VALUES (?, ?)", userId.toString(),
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
        snapshot = null;
    }

    @Override
    public void unban(UserId userId) {
        sql.update("DELETE FROM shadow_banned_users WHERE user_id = ?", userId.toString());
        snapshot = null;
    }
}
