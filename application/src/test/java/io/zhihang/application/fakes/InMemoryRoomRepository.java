package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Rooms in a map, for tests. There is one writer at a time in a test, so {@link #lock} only reads. */
public class InMemoryRoomRepository implements RoomRepository {
    private final Map<String, RoomRecord> rooms = new ConcurrentHashMap<>();

    @Override
    public void create(RoomRecord room) {
        if (rooms.putIfAbsent(room.roomId(), room) != null) {
            throw new IllegalStateException("Duplicate room id " + room.roomId());
        }
    }

    @Override
    public Optional<RoomRecord> find(String roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    @Override
    public Optional<RoomRecord> lock(String roomId) {
        return find(roomId);
    }

    @Override
    public void advanceHead(String roomId, String eventId, long depth) {
        update(roomId, r -> new RoomRecord(r.roomId(), r.version(), r.creator(), r.published(), eventId, depth,
                r.createdAt()));
    }

    @Override
    public void setPublished(String roomId, boolean published) {
        update(roomId, r -> new RoomRecord(r.roomId(), r.version(), r.creator(), published, r.headEventId(),
                r.headDepth(), r.createdAt()));
    }

    @Override
    public List<RoomRecord> publishedRooms() {
        return rooms.values().stream()
                .filter(RoomRecord::published)
                .sorted(Comparator.comparing(RoomRecord::roomId))
                .toList();
    }

    private void update(String roomId, UnaryOperator<RoomRecord> change) {
        if (rooms.computeIfPresent(roomId, (id, r) -> change.apply(r)) == null) {
            throw new IllegalStateException("No room " + roomId);
        }
    }
}
