package io.zhihang.application.port.in.room;

/** The public room directory: a room's visibility in it, and the list ({@code GET/POST /publicRooms}). */
public interface PublicRoomQueries {
    /** {@code GET /directory/list/room/{roomId}}. */
    DirectoryVisibility visibility(String roomId);

    PublicRoomsPage publicRooms(PublicRoomsQuery query);
}
