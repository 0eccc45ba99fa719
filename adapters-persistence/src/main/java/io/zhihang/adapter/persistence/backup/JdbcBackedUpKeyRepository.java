package io.zhihang.adapter.persistence.backup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.application.port.out.backup.BackedUpKeyRepository;
import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyChanges;
import io.zhihang.domain.backup.KeyScope;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Backed-up keys in plain JDBC on the transaction's connection: clients upload a few hundred sessions per request
 * and thousands on a first backup, so the stored keys of an upload are read in a few statements (one per
 * {@value #SESSIONS_PER_READ} sessions) and the changes written as two JDBC batches, without entities.
 */
@ApplicationScoped
public class JdbcBackedUpKeyRepository implements BackedUpKeyRepository {
    static final int SESSIONS_PER_READ = 500;
    private static final String COLUMNS = "room_id, session_id, first_message_index, forwarded_count, is_verified, "
            + "key_json";
    private static final String INSERT = """
            INSERT INTO room_key_backup_keys (user_id, version, room_id, session_id, first_message_index,
                                              forwarded_count, is_verified, key_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE room_key_backup_keys SET first_message_index = ?, forwarded_count = ?, is_verified = ?,
                   key_json = ?
             WHERE user_id = ? AND version = ? AND room_id = ? AND session_id = ?""";

    private final AgroalDataSource dataSource;

    JdbcBackedUpKeyRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.select(new DataSource.DataSourceLiteral(unit.dataSourceName())).get();
    }

    @Override
    public Map<BackupSession, BackedUpKey> find(String userId, BackupVersion version,
                                                Collection<BackupSession> sessions) {
        Map<BackupSession, BackedUpKey> found = new LinkedHashMap<>();
        List<BackupSession> all = List.copyOf(sessions);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += SESSIONS_PER_READ) {
                readChunk(c, userId, version, all.subList(from, Math.min(all.size(), from + SESSIONS_PER_READ)),
                        found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read backed-up keys", e);
        }
        return found;
    }

    /** One statement for a chunk: {@code (room_id = ? AND session_id IN (…)) OR …}, one group per room. */
    private static void readChunk(Connection c, String userId, BackupVersion version, List<BackupSession> chunk,
                                  Map<BackupSession, BackedUpKey> found) throws SQLException {
        Map<String, List<String>> byRoom = new LinkedHashMap<>();
        chunk.forEach(s -> byRoom.computeIfAbsent(s.roomId(), r -> new ArrayList<>()).add(s.sessionId()));
        StringJoiner rooms = new StringJoiner(" OR ", "(", ")");
        byRoom.values().forEach(ids ->
                rooms.add("(room_id = ? AND session_id IN (" + "?,".repeat(ids.size() - 1) + "?))"));
        String sql = "SELECT " + COLUMNS + " FROM room_key_backup_keys WHERE user_id = ? AND version = ? AND " + rooms;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, userId);
            s.setLong(i++, version.number());
            for (Map.Entry<String, List<String>> room : byRoom.entrySet()) {
                s.setString(i++, room.getKey());
                for (String sessionId : room.getValue()) {
                    s.setString(i++, sessionId);
                }
            }
            readKeys(s, found);
        }
    }

    @Override
    public void store(String userId, BackupVersion version, KeyChanges changes) {
        try (Connection c = dataSource.getConnection()) {
            if (!changes.added().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    for (Map.Entry<BackupSession, BackedUpKey> e : changes.added().entrySet()) {
                        s.setString(1, userId);
                        s.setLong(2, version.number());
                        s.setString(3, e.getKey().roomId());
                        s.setString(4, e.getKey().sessionId());
                        setKey(s, 5, e.getValue());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (!changes.replaced().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                    for (Map.Entry<BackupSession, BackedUpKey> e : changes.replaced().entrySet()) {
                        setKey(s, 1, e.getValue());
                        s.setString(5, userId);
                        s.setLong(6, version.number());
                        s.setString(7, e.getKey().roomId());
                        s.setString(8, e.getKey().sessionId());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store backed-up keys", e);
        }
    }

    @Override
    public Map<BackupSession, BackedUpKey> list(String userId, BackupVersion version, KeyScope scope) {
        String sql = "SELECT " + COLUMNS + " FROM room_key_backup_keys WHERE " + where(scope)
                + " ORDER BY room_id, session_id";
        Map<BackupSession, BackedUpKey> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, userId, version, scope);
            readKeys(s, found);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read backed-up keys", e);
        }
        return found;
    }

    @Override
    public long delete(String userId, BackupVersion version, KeyScope scope) {
        String sql = "DELETE FROM room_key_backup_keys WHERE " + where(scope);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, userId, version, scope);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete backed-up keys", e);
        }
    }

    @Override
    public void deleteAllOf(String userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM room_key_backup_keys WHERE user_id = ?")) {
            s.setString(1, userId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete backed-up keys", e);
        }
    }

    private static String where(KeyScope scope) {
        return "user_id = ? AND version = ?"
                + (scope.roomId() == null ? "" : " AND room_id = ?")
                + (scope.sessionId() == null ? "" : " AND session_id = ?");
    }

    private static void bind(PreparedStatement s, String userId, BackupVersion version, KeyScope scope)
            throws SQLException {
        s.setString(1, userId);
        s.setLong(2, version.number());
        if (scope.roomId() != null) {
            s.setString(3, scope.roomId());
        }
        if (scope.sessionId() != null) {
            s.setString(4, scope.sessionId());
        }
    }

    private static void setKey(PreparedStatement s, int first, BackedUpKey key) throws SQLException {
        s.setLong(first, key.firstMessageIndex());
        s.setLong(first + 1, key.forwardedCount());
        s.setBoolean(first + 2, key.verified());
        s.setString(first + 3, CanonicalJson.encodeClientData(key.json()));
    }

    private static void readKeys(PreparedStatement s, Map<BackupSession, BackedUpKey> found) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                BackedUpKey key = new BackedUpKey(r.getLong(3), r.getLong(4), r.getBoolean(5),
                        Json.parseClientData(r.getString(6)));
                found.put(new BackupSession(r.getString(1), r.getString(2)), key);
            }
        }
    }
}
