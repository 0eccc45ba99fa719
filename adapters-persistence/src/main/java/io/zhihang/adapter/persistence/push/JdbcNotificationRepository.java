package io.zhihang.adapter.persistence.push;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.push.NotificationRepository;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code event_push_actions} in plain JDBC on the transaction's connection: written on the message hot path as one
 * batched insert, counted with one grouped query for many rooms.
 */
@ApplicationScoped
public class JdbcNotificationRepository implements NotificationRepository {
    /** Rooms per counting statement (each adds a condition with two parameters). */
    private static final int ROOMS_PER_QUERY = 200;
    private static final String INSERT = """
            INSERT INTO event_push_actions (user_id, room_id, event_id, stream_ordering, notify, highlight, thread_id,
                                            actions) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?)""";
    private static final String REMOVE_EVENT = "DELETE FROM event_push_actions WHERE event_id = ?";
    private static final String COUNT = """
            SELECT room_id, thread_id, COUNT(*), SUM(CASE WHEN highlight THEN 1 ELSE 0 END)
              FROM event_push_actions WHERE user_id = ? AND notify AND (%s)
             GROUP BY room_id, thread_id""";
    private static final String COUNT_BETWEEN = """
            SELECT COUNT(*), SUM(CASE WHEN highlight THEN 1 ELSE 0 END) FROM event_push_actions
             WHERE user_id = ? AND room_id = ? AND thread_id = ? AND notify
               AND stream_ordering > ? AND stream_ordering <= ?""";
    private static final String LATEST = """
            SELECT room_id, event_id, stream_ordering, highlight, thread_id, actions FROM event_push_actions
             WHERE user_id = ? AND notify AND stream_ordering < ? %s
             ORDER BY stream_ordering DESC LIMIT ?""";

    private static final String BETWEEN = """
            SELECT room_id, event_id, stream_ordering, highlight, thread_id, actions FROM event_push_actions
             WHERE user_id = ? AND notify AND stream_ordering > ? AND stream_ordering <= ?
             ORDER BY stream_ordering LIMIT ?""";

    private final AgroalDataSource dataSource;

    JdbcNotificationRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
    }

    @Override
    public void addAll(List<StoredNotification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (StoredNotification n : notifications) {
                s.setString(1, n.userId());
                s.setString(2, n.roomId());
                s.setString(3, n.eventId());
                s.setLong(4, n.streamOrdering());
                s.setBoolean(5, n.highlight());
                s.setString(6, n.threadId());
                s.setString(7, CanonicalJson.encode(n.actions()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store notifications", e);
        }
    }

    @Override
    public void removeEvent(String eventId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REMOVE_EVENT)) {
            s.setString(1, eventId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the notifications of a redacted event", e);
        }
    }

    @Override
    public List<ThreadCount> countAfter(String userId, Map<String, Long> afterByRoom) {
        List<ThreadCount> counts = new ArrayList<>();
        List<Map.Entry<String, Long>> rooms = List.copyOf(afterByRoom.entrySet());
        for (int from = 0; from < rooms.size(); from += ROOMS_PER_QUERY) {
            List<Map.Entry<String, Long>> chunk = rooms.subList(from, Math.min(rooms.size(), from + ROOMS_PER_QUERY));
            String conditions = String.join(" OR ",
                    Collections.nCopies(chunk.size(), "(room_id = ? AND stream_ordering > ?)"));
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement(COUNT.formatted(conditions))) {
                int i = 1;
                s.setString(i++, userId);
                for (Map.Entry<String, Long> room : chunk) {
                    s.setString(i++, room.getKey());
                    s.setLong(i++, room.getValue());
                }
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        counts.add(new ThreadCount(row.getString(1), row.getString(2), row.getLong(3),
                                row.getLong(4)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count notifications", e);
            }
        }
        return counts;
    }

    @Override
    public ThreadCount countBetween(String userId, String roomId, String threadId, long after, long upTo) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COUNT_BETWEEN)) {
            s.setString(1, userId);
            s.setString(2, roomId);
            s.setString(3, threadId);
            s.setLong(4, after);
            s.setLong(5, upTo);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new ThreadCount(roomId, threadId, row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count notifications", e);
        }
    }

    @Override
    public List<StoredNotification> between(String userId, long after, long upTo, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(BETWEEN)) {
            s.setString(1, userId);
            s.setLong(2, after);
            s.setLong(3, upTo);
            s.setInt(4, limit);
            return notifications(s, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read notifications", e);
        }
    }

    @Override
    public List<StoredNotification> latest(String userId, long before, int limit, boolean onlyHighlights) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(LATEST.formatted(onlyHighlights ? "AND highlight" : ""))) {
            s.setString(1, userId);
            s.setLong(2, before);
            s.setInt(3, limit);
            return notifications(s, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read notifications", e);
        }
    }

    /** Runs a query selecting room id, event id, stream ordering, highlight, thread id and actions, in that order. */
    private static List<StoredNotification> notifications(PreparedStatement query, String userId)
            throws SQLException {
        List<StoredNotification> page = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                page.add(new StoredNotification(userId, row.getString(1), row.getString(2), row.getLong(3),
                        row.getBoolean(4), row.getString(5), (JsonArray) Json.parse(row.getString(6))));
            }
        }
        return page;
    }
}
