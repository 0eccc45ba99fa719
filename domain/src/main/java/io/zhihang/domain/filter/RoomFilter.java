package io.zhihang.domain.filter;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * The spec's {@code RoomFilter}: which rooms sync covers ({@code rooms}, {@code not_rooms}; {@code not_rooms} wins),
 * whether left rooms are included, and one {@link RoomEventFilter} per section of a room.
 */
public record RoomFilter(List<String> rooms, List<String> notRooms, boolean includeLeave, RoomEventFilter ephemeral,
                         RoomEventFilter state, RoomEventFilter timeline, RoomEventFilter accountData) {
    public static final RoomFilter ALL = new RoomFilter(null, List.of(), false, RoomEventFilter.ALL,
            RoomEventFilter.ALL, RoomEventFilter.ALL, RoomEventFilter.ALL);

    public RoomFilter {
        rooms = rooms == null ? null : List.copyOf(rooms);
        notRooms = List.copyOf(notRooms);
    }

    static RoomFilter parse(JsonObject json, String path) {
        return new RoomFilter(FilterJson.roomIds(json, "rooms", path),
                FilterJson.orEmpty(FilterJson.roomIds(json, "not_rooms", path)),
                Boolean.TRUE.equals(FilterJson.bool(json, "include_leave", path)),
                section(json, "ephemeral", path), section(json, "state", path), section(json, "timeline", path),
                section(json, "account_data", path));
    }

    /** Whether sync should cover this room at all. */
    public boolean allowsRoom(String roomId) {
        return !notRooms.contains(roomId) && (rooms == null || rooms.contains(roomId));
    }

    private static RoomEventFilter section(JsonObject json, String key, String path) {
        return RoomEventFilter.parse(FilterJson.object(json, key, path), FilterJson.path(path, key));
    }
}
