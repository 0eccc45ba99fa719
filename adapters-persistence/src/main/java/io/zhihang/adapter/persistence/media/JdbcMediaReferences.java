package io.zhihang.adapter.persistence.media;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.media.MediaReferences;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.RoomId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads (never writes) the events, room state and profiles that name media, for the media admin API. The events
 * are scanned as stored JSON: only those that mention {@code mxc://} at all are parsed.
 */
@ApplicationScoped
public class JdbcMediaReferences implements MediaReferences {
    private static final String ROOM_EVENTS = """
            SELECT json FROM events
             WHERE room_id = ? AND type <> 'm.room.encrypted' AND json LIKE '%mxc://%'
             ORDER BY stream_ordering""";
    private static final String ROOM = "SELECT 1 FROM rooms WHERE room_id = ?";
    private static final String USER_AVATARS = "SELECT avatar_url FROM profiles WHERE avatar_url LIKE 'mxc://%'";
    private static final String ROOM_AVATARS = """
            SELECT e.json FROM current_state s JOIN events e ON e.event_id = s.event_id
             WHERE s.type = 'm.room.avatar' AND s.state_key = ''""";

    private final PlainSql sql;

    JdbcMediaReferences(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public List<JsonObject> contentsInRoom(RoomId roomId) {
        return sql.list(ROOM_EVENTS, row -> content(row.getString(1)), roomId.value()).stream()
                .flatMap(Optional::stream).toList();
    }

    @Override
    public boolean roomExists(RoomId roomId) {
        return !sql.list(ROOM, row -> row.getInt(1), roomId.value()).isEmpty();
    }

    @Override
    public Set<String> avatarUris() {
        Set<String> out = new HashSet<>(sql.list(USER_AVATARS, row -> row.getString(1)));
        sql.list(ROOM_AVATARS, row -> content(row.getString(1))).stream().flatMap(Optional::stream)
                .forEach(content -> content.string("url").ifPresent(out::add));
        return out;
    }

    private static Optional<JsonObject> content(String eventJson) {
        return Json.parseObject(eventJson).object("content");
    }
}
