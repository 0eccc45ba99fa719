package io.zhihang.application.port.out.room;

import java.util.List;
import java.util.Optional;

/** Rooms. {@link #lock} is the per-room write serialisation: it holds in the database until commit. */
public interface RoomRepository {
    void create(RoomRecord room);

    Optional<RoomRecord> find(String roomId);

    /** Reads the room and locks its row until the transaction ends (works across server instances). */
    Optional<RoomRecord> lock(String roomId);

    void advanceHead(String roomId, String eventId, long depth);

    void setPublished(String roomId, boolean published);

    /** The rooms in the public room directory. */
    List<RoomRecord> publishedRooms();
}
