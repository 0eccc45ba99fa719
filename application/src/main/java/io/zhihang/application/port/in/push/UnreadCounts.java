package io.zhihang.application.port.in.push;

import java.util.Map;

/** Unread notification counts of one user, by room (every room asked for is present, with zeros if nothing). */
public record UnreadCounts(Map<String, RoomUnreadCounts> rooms) {
    public UnreadCounts {
        rooms = Map.copyOf(rooms);
    }

    public RoomUnreadCounts of(String roomId) {
        return rooms.getOrDefault(roomId, RoomUnreadCounts.NONE);
    }
}
