package io.zhihang.adapter.persistence.admin;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.admin.ServerCounts;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Counts of {@code users} and {@code rooms} for the admin status page; reads only. */
@ApplicationScoped
public class JdbcServerCounts implements ServerCounts {
    private final PlainSql sql;

    JdbcServerCounts(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public long activeUsers(UserId except) {
        return sql.list("SELECT COUNT(*) FROM users WHERE deactivated = FALSE AND user_id <> ?", row -> row.getLong(1),
                except.toString()).getFirst();
    }

    @Override
    public long rooms() {
        return sql.list("SELECT COUNT(*) FROM rooms", row -> row.getLong(1)).getFirst();
    }
}
