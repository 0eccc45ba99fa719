package io.zhihang.adapter.persistence.security;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.security.IpBlockRepository;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.security.IpBlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code ip_blocks} table in plain JDBC; its one writer. */
@ApplicationScoped
public class JdbcIpBlockRepository implements IpBlockRepository {
    private static final String COLUMNS = "range_text, reason, created_by, created_ts, expires_ts";

    private final PlainSql sql;

    JdbcIpBlockRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public List<IpBlock> all() {
        return sql.list("SELECT " + COLUMNS + " FROM ip_blocks", JdbcIpBlockRepository::block);
    }

    @Override
    public Optional<IpBlock> find(IpRange range) {
        return sql.list("SELECT " + COLUMNS + " FROM ip_blocks WHERE range_text = ?", JdbcIpBlockRepository::block,
                range.toString()).stream().findFirst();
    }

    @Override
    public void save(IpBlock block) {
        sql.update("DELETE FROM ip_blocks WHERE range_text = ?", block.range().toString());
        sql.update("INSERT INTO ip_blocks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", block.range().toString(),
                block.reason(), block.createdBy(), block.createdAt().toEpochMilli(),
                block.expiresAt() == null ? null : block.expiresAt().toEpochMilli());
    }

    @Override
    public boolean delete(IpRange range) {
        return sql.update("DELETE FROM ip_blocks WHERE range_text = ?", range.toString()) > 0;
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return sql.update("DELETE FROM ip_blocks WHERE expires_ts IS NOT NULL AND expires_ts <= ?",
                cutoff.toEpochMilli());
    }

    private static IpBlock block(ResultSet row) throws SQLException {
        long expires = row.getLong("expires_ts");
        Instant expiresAt = row.wasNull() ? null : Instant.ofEpochMilli(expires);
        return new IpBlock(IpRange.parse(row.getString("range_text")), row.getString("reason"),
                row.getString("created_by"), Instant.ofEpochMilli(row.getLong("created_ts")), expiresAt);
    }
}
