package io.zhihang.application.port.out.room;

import java.util.List;

/** Every room the server knows, for the admin API's room list. */
public interface RoomCatalog {
    List<String> allRoomIds();
}
