package io.zhihang.adapter.persistence.security;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.security.SecurityEventLog;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.security.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** The {@code security_events} table in plain JDBC; its one writer. */
@ApplicationScoped
public class JdbcSecurityEventLog implements SecurityEventLog {
    private static final String INSERT = "INSERT INTO security_events (type, ts, user_id, ip, action, target, details)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final PlainSql sql;

    JdbcSecurityEventLog(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void append(SecurityEvent event) {
        sql.update(INSERT, event.type().wireName(), event.at().toEpochMilli(), event.userId(), event.ip(),
                event.action(), event.target(), CanonicalJson.encode(event.details()));
    }
}
