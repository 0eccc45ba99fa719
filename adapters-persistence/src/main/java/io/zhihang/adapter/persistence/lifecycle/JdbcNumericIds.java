package io.zhihang.adapter.persistence.lifecycle;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.lifecycle.NumericIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for Matrix ids, in tables of their own. Callers number ids outside any transaction, so each statement
 * commits on its own and two requests racing to number the same id cannot poison a transaction: the loser's insert
 * fails on the unique key and it reads the winner's number. Numbers never change, so they are cached.
 */
@ApplicationScoped
public class JdbcNumericIds implements NumericIds {
    private static final int MAX_CACHED = 100_000;

    private final AgroalDataSource dataSource;
    private final Map<String, Long> numbers = new ConcurrentHashMap<>();

    JdbcNumericIds(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
    }

    @Override
    public long roomNumber(String roomId) {
        return number("room_numbers", "room_id", roomId);
    }

    @Override
    public Optional<String> roomOf(long number) {
        return idOf("room_numbers", "room_id", number);
    }

    @Override
    public long userNumber(String userId) {
        return number("user_numbers", "user_id", userId);
    }

    @Override
    public Optional<String> userOf(long number) {
        return idOf("user_numbers", "user_id", number);
    }

    private long number(String table, String column, String id) {
        String key = table + "\u0000" + id;
        Long cached = numbers.get(key);
        if (cached != null) {
            return cached;
        }
        long number = lookupOrAssign(table, column, id);
        if (numbers.size() > MAX_CACHED) {
            numbers.clear();
        }
        numbers.put(key, number);
        return number;
    }

    private long lookupOrAssign(String table, String column, String id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> found = lookup(table, column, id);
            if (found.isPresent()) {
                return found.get();
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + column + ") VALUES (?)")) {
                s.setString(1, id);
                s.executeUpdate();
            } catch (SQLException raced) {
                // another request numbered it first: read theirs
            }
        }
        return lookup(table, column, id).orElseThrow(() -> new IllegalStateException("Could not number " + id));
    }

    private Optional<Long> lookup(String table, String column, String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT number FROM " + table + " WHERE " + column + " = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a numeric id", e);
        }
    }

    private Optional<String> idOf(String table, String column, long number) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE number = ?")) {
            s.setLong(1, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a numeric id", e);
        }
    }
}
