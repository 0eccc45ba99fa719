package io.zhihang.application.fakes;

import io.zhihang.application.port.out.PresenceRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.domain.presence.Presence;
import io.zhihang.domain.presence.PresenceState;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Presence rows with stream positions; "shares a room" comes from the room state fake, as the SQL joins it. */
public class InMemoryPresenceRepository implements PresenceRepository {
    private final RoomStateStore rooms;
    private final Map<String, Stored> rows = new LinkedHashMap<>();
    private long position;

    public InMemoryPresenceRepository(RoomStateStore rooms) {
        this.rooms = rooms;
    }

    @Override
    public synchronized Optional<Presence> find(String userId) {
        return Optional.ofNullable(rows.get(userId)).map(Stored::presence);
    }

    @Override
    public synchronized java.util.List<Stored> findAll(java.util.Collection<String> userIds) {
        return userIds.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized long save(String userId, Presence presence) {
        rows.put(userId, new Stored(userId, presence, ++position));
        return position;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized List<Stored> changedSince(String viewerId, long since) {
        Set<String> visible = rooms.roomMates(viewerId);
        return rows.values().stream()
                .filter(s -> s.position() > since)
                .filter(s -> s.userId().equals(viewerId) || visible.contains(s.userId()))
                .sorted(Comparator.comparingLong(Stored::position))
                .toList();
    }

    @Override
    public synchronized List<Stored> onlineInactiveSince(Instant cutoff) {
        return rows.values().stream()
                .filter(s -> s.presence().state() == PresenceState.ONLINE)
                .filter(s -> s.presence().lastActive() != null && s.presence().lastActive().isBefore(cutoff))
                .toList();
    }
}
