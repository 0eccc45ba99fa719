package io.zhihang.application.port.in.userdata;

import java.util.Map;

/** How far a user has read, per room (see {@link UserDataSyncQueries#readPositions}). */
public record ReadPositions(Map<String, RoomRead> rooms) {
    public ReadPositions {
        rooms = Map.copyOf(rooms);
    }

    /** The room's read positions; {@link RoomRead#NONE} where the user has no receipt. */
    public RoomRead room(String roomId) {
        return rooms.getOrDefault(roomId, RoomRead.NONE);
    }
}
