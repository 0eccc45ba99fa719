package io.zhihang.adapter.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Plain JDBC on the transaction's own connection (Agroal enlists it in the JTA transaction), for the stores made of
 * few, simple statements whose exact SQL matters (row locks, claims that must not hand a key out twice) and for
 * small tables that need no entities (media).
 */
public final class PlainSql {
    /** Users per {@code IN (…)} list: well below every driver's parameter limit. */
    public static final int CHUNK = 500;

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public PlainSql(ActivePersistenceUnit unit, Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet row = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (row.next()) {
                    out.add(mapper.read(row));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed", e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed", e);
        }
    }

    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(s, params);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed", e);
        }
    }

    /** {@code ?, ?, …} for an {@code IN} list of {@code n} values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The values in chunks of at most {@link #CHUNK}. */
    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
