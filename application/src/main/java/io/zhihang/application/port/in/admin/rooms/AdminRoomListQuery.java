package io.zhihang.application.port.in.admin.rooms;

/**
 * {@code GET /_synapse/admin/v1/rooms}: an offset, a page size, Synapse's {@code order_by} name (null for
 * {@code name}), the direction, and a search term matched against name, canonical alias and room id (or null).
 */
public record AdminRoomListQuery(int from, int limit, String orderBy, boolean backwards, String searchTerm) {
}
