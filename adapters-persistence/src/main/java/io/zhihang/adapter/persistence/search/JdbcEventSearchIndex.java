package io.zhihang.adapter.persistence.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.search.EventSearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code event_search} table in plain JDBC, on the transaction's connection. On PostgreSQL a generated
 * {@code tsvector} column with a GIN index answers the query ({@code @@}, ranked by {@code ts_rank}); on H2 the same
 * query runs as regular expressions over the indexed words, ranked by the number of occurrences
 * ({@link SearchSql}).
 */
@ApplicationScoped
public class JdbcEventSearchIndex implements EventSearchIndex {
    private static final String INSERT = """
            INSERT INTO event_search (event_id, room_id, sender, field, words, stream_ordering, message_type)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String REPLACE_TEXT = """
            UPDATE event_search SET words = ?, message_type = COALESCE(?, message_type)
             WHERE event_id = ? AND sender = ?""";

    private final AgroalDataSource dataSource;
    private final SearchSql sql;

    JdbcEventSearchIndex(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
        this.sql = unit.dataSourceName().equals("pg") ? SearchSql.POSTGRESQL : SearchSql.H2;
    }

    @Override
    public void add(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Entry e : entries) {
                s.setString(1, e.eventId());
                s.setString(2, e.roomId());
                s.setString(3, e.sender());
                s.setString(4, e.field().key());
                s.setString(5, e.indexedText());
                s.setLong(6, e.streamOrdering());
                s.setString(7, e.messageType());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not index " + entries.size() + " events for search", e);
        }
    }

    @Override
    public void remove(String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM event_search WHERE event_id = ?")) {
            s.setString(1, eventId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove " + eventId + " from the search index", e);
        }
    }

    @Override
    public void replaceText(String eventId, String sender, String indexedText, String messageType) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REPLACE_TEXT)) {
            s.setString(1, indexedText);
            s.setString(2, messageType);
            s.setString(3, eventId);
            s.setString(4, sender);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give " + eventId + " its edited text in the search index", e);
        }
    }

    @Override
    public List<Hit> search(Criteria criteria, Order order, Hit after, int limit) {
        SearchSql.Statement statement = sql.search(criteria, order, after, limit);
        List<Hit> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement.sql())) {
            statement.bind(s);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    hits.add(new Hit(row.getString(1), row.getString(2), row.getLong(3), row.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search events", e);
        }
        return hits;
    }

    @Override
    public long count(Criteria criteria) {
        SearchSql.Statement statement = sql.count(criteria);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement.sql())) {
            statement.bind(s);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count search results", e);
        }
    }
}
