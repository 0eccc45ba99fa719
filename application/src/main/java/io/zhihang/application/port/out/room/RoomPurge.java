package io.zhihang.application.port.out.room;

/**
 * Removing a room's events from storage (the admin API's room deletion and history purge): rows are deleted, not
 * hidden. The one exception to "one writer per table": it deletes rows that other adapters write, and nothing else.
 */
public interface RoomPurge {
    /**
     * Deletes the room and everything stored about it: events, current state, search index, notifications,
     * receipts, room account data, aliases, join rules, forgotten marks, delayed events, private session and the
     * room row. Returns whether the room existed.
     */
    boolean purgeRoom(String roomId);

    /**
     * Deletes the room's events before stream position {@code beforeOrdering} (exclusive), with their search index,
     * notification, encryption, self-destruct, voice and transaction-id rows, except each piece of state's latest event
     * before that point (the state the remaining history starts from). With {@code remoteOnly}, only events whose
     * sender is not on {@code localServer}. Returns how many events were deleted.
     */
    int purgeHistory(String roomId, long beforeOrdering, boolean remoteOnly, String localServer);
}
