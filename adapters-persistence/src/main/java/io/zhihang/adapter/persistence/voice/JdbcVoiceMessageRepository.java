package io.zhihang.adapter.persistence.voice;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.voice.VoiceMessageRepository;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.voice.VoiceMessage;
import io.zhihang.domain.voice.VoiceStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Voice messages in plain JDBC: one table, read by event id, sender or room, newest first. */
@ApplicationScoped
public class JdbcVoiceMessageRepository implements VoiceMessageRepository {
    private static final String COLUMNS = "event_id, room_id, sender, media_id, content_type, duration_ms, size_bytes, "
            + "created_ts";
    private static final String INSERT = "INSERT INTO voice_messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM voice_messages WHERE event_id = ?";
    private static final String DELETE = "DELETE FROM voice_messages WHERE event_id = ?";
    private static final String BY_SENDER = "SELECT " + COLUMNS + " FROM voice_messages WHERE sender = ?"
            + " ORDER BY created_ts DESC, event_id DESC LIMIT ? OFFSET ?";
    private static final String BY_ROOM = "SELECT " + COLUMNS + " FROM voice_messages WHERE room_id = ?"
            + " ORDER BY created_ts DESC, event_id DESC LIMIT ? OFFSET ?";
    private static final String STATS = """
            SELECT COUNT(*), COALESCE(SUM(duration_ms), 0), COALESCE(SUM(size_bytes), 0)
              FROM voice_messages WHERE sender = ?""";

    private final PlainSql sql;

    JdbcVoiceMessageRepository(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void insert(VoiceMessage m) {
        sql.update(INSERT, m.eventId(), m.roomId(), m.sender().toString(), m.mediaId().value(), m.contentType(),
                m.duration().toMillis(), m.size(), m.createdAt().toEpochMilli());
    }

    @Override
    public Optional<VoiceMessage> find(String eventId) {
        return sql.list(FIND, JdbcVoiceMessageRepository::message, eventId).stream().findFirst();
    }

    @Override
    public boolean delete(String eventId) {
        return sql.update(DELETE, eventId) == 1;
    }

    @Override
    public List<VoiceMessage> bySender(UserId sender, int limit, int offset) {
        return sql.list(BY_SENDER, JdbcVoiceMessageRepository::message, sender.toString(), limit, offset);
    }

    @Override
    public List<VoiceMessage> byRoom(String roomId, int limit, int offset) {
        return sql.list(BY_ROOM, JdbcVoiceMessageRepository::message, roomId, limit, offset);
    }

    @Override
    public VoiceStats stats(UserId sender) {
        return sql.list(STATS, row -> new VoiceStats(row.getLong(1), Duration.ofMillis(row.getLong(2)),
                row.getLong(3)), sender.toString()).getFirst();
    }

    private static VoiceMessage message(ResultSet row) throws SQLException {
        return new VoiceMessage(row.getString(1), row.getString(2), UserId.parse(row.getString(3)),
                new MediaId(row.getString(4)), row.getString(5), Duration.ofMillis(row.getLong(6)), row.getLong(7),
                Instant.ofEpochMilli(row.getLong(8)));
    }
}
