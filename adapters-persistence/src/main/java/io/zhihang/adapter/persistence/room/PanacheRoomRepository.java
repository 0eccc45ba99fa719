package io.zhihang.adapter.persistence.room;

import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.domain.protocol.RoomVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PanacheRoomRepository implements RoomRepository {
    private final RoomPanacheRepo repo;

    PanacheRoomRepository(RoomPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public void create(RoomRecord room) {
        RoomEntity e = new RoomEntity();
        e.roomId = room.roomId();
        e.roomVersion = room.version().id();
        e.creator = room.creator();
        e.published = room.published();
        e.headEventId = room.headEventId();
        e.headDepth = room.headDepth();
        e.createdAt = room.createdAt();
        repo.persist(e);
    }

    @Override
    public Optional<RoomRecord> find(String roomId) {
        return repo.findByIdOptional(roomId).map(PanacheRoomRepository::toRecord);
    }

    @Override
    public Optional<RoomRecord> lock(String roomId) {
        return repo.find("roomId", roomId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .map(PanacheRoomRepository::toRecord);
    }

    @Override
    public void advanceHead(String roomId, String eventId, long depth) {
        RoomEntity e = repo.findById(roomId);
        e.headEventId = eventId;
        e.headDepth = depth;
    }

    @Override
    public void setPublished(String roomId, boolean published) {
        repo.findById(roomId).published = published;
    }

    @Override
    public List<RoomRecord> publishedRooms() {
        return repo.list("published", true).stream().map(PanacheRoomRepository::toRecord).toList();
    }

    private static RoomRecord toRecord(RoomEntity e) {
        RoomVersion version = RoomVersion.byId(e.roomVersion)
                .orElseThrow(() -> new IllegalStateException("Unknown room version in store: " + e.roomVersion));
        return new RoomRecord(e.roomId, version, e.creator, e.published, e.headEventId, e.headDepth, e.createdAt);
    }
}
