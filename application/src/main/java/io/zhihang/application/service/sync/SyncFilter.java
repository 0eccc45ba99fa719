package io.zhihang.application.service.sync;

import io.zhihang.domain.filter.RoomEventFilter;

import java.util.List;

/**
 * What of a filter a sync reads.
 *
 * @param rooms           only these rooms (null: all)
 * @param notRooms        never these rooms
 * @param timeline        which timeline events
 * @param timelineLimit   how many timeline events per room at most
 * @param state           which state events
 * @param lazyLoadMembers only the member events of the timeline's senders (and heroes)
 * @param redundantMembers with lazy loading: send members again even if this device had them
 * @param includeLeave    initial syncs list left rooms too
 * @param ephemeral       whether ephemeral events are wanted at all (types filtered in the reader)
 * @param eventFields     only these fields of each event (null: all)
 * @param federationFormat events as PDUs ({@code event_format: federation})
 */
public record SyncFilter(List<String> rooms, List<String> notRooms, RoomEventFilter timeline, int timelineLimit,
                         RoomEventFilter state, boolean lazyLoadMembers, boolean redundantMembers,
                         boolean includeLeave, RoomEventFilter ephemeral, RoomEventFilter accountData,
                         RoomEventFilter roomAccountData, RoomEventFilter presence, List<String> eventFields,
                         boolean federationFormat) {
    public static final int DEFAULT_TIMELINE_LIMIT = 10;

    public static final SyncFilter DEFAULT = new SyncFilter(null, List.of(), RoomEventFilter.ALL,
            DEFAULT_TIMELINE_LIMIT, RoomEventFilter.ALL, false, false, false, RoomEventFilter.ALL,
            RoomEventFilter.ALL, RoomEventFilter.ALL, RoomEventFilter.ALL, null, false);

    public boolean roomWanted(String roomId) {
        return !notRooms.contains(roomId) && (rooms == null || rooms.contains(roomId));
    }
}
