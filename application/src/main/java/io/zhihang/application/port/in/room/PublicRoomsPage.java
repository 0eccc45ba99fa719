package io.zhihang.application.port.in.room;

import java.util.List;

/**
 * A page of the public room list, largest rooms first.
 *
 * @param nextBatch              token for the following page, or null at the end
 * @param prevBatch              token for the page before, or null on the first page
 * @param totalRoomCountEstimate how many rooms the whole list (with the filter) holds
 */
public record PublicRoomsPage(List<PublicRoom> chunk, String nextBatch, String prevBatch,
                              long totalRoomCountEstimate) {
    public PublicRoomsPage {
        chunk = List.copyOf(chunk);
    }

    /** One room of the list; optional fields are null when the room has no such state. */
    public record PublicRoom(String roomId, String name, String topic, String canonicalAlias, long numJoinedMembers,
                             boolean worldReadable, boolean guestCanJoin, String joinRule, String avatarUrl,
                             String roomType) {
    }
}
