package io.zhihang.adapter.persistence.account;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.UserPairLock;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * The pair lock as the two users' rows of {@code users} ({@code SELECT … FOR UPDATE}, H2 and PostgreSQL alike), taken
 * in Java code-point order so that two transactions locking the same pair cannot deadlock. Taken before the account
 * data stream lock wherever both are held.
 */
@ApplicationScoped
public class JdbcUserPairLock implements UserPairLock {
    private static final String LOCK = "SELECT user_id FROM users WHERE user_id = ? FOR UPDATE";

    private final PlainSql sql;

    JdbcUserPairLock(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void lock(UserId a, UserId b) {
        String first = a.toString();
        String second = b.toString();
        if (first.compareTo(second) > 0) {
            String t = first;
            first = second;
            second = t;
        }
        sql.list(LOCK, row -> row.getString(1), first);
        if (!first.equals(second)) {
            sql.list(LOCK, row -> row.getString(1), second);
        }
    }
}
