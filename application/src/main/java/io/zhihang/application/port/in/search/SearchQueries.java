package io.zhihang.application.port.in.search;

/** Server-side search ({@code POST /search}). */
public interface SearchQueries {
    RoomEventSearchResults searchRoomEvents(RoomEventSearch search);
}
