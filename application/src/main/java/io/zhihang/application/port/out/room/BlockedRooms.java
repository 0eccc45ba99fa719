package io.zhihang.application.port.out.room;

/** Rooms a server admin has blocked: nobody on this server may join, knock on or be invited to them. */
public interface BlockedRooms {
    boolean isBlocked(String roomId);

    /** Blocks the room (again: the first block's admin and time stay). */
    void block(String roomId, String byUserId, long ts);
}
