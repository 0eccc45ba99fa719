package io.zhihang.application.port.in.admin.rooms;

import java.util.List;

/** One page of the admin room list, its offset and the number of rooms matching in all. */
public record AdminRoomPage(List<AdminRoom> rooms, int offset, int totalRooms) {
}
