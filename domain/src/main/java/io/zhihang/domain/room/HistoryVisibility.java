package io.zhihang.domain.room;

import java.util.Locale;

/**
 * Who may see an event, decided by the room's {@code m.room.history_visibility} and the reader's membership at the
 * time of the event (the spec's "History visibility"; Synapse's {@code filter_events_for_client}).
 */
public enum HistoryVisibility {
    WORLD_READABLE, SHARED, INVITED, JOINED;

    /** Unknown or missing values count as {@code shared}, the spec's default. */
    public static HistoryVisibility parse(String value) {
        if (value == null) {
            return SHARED;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "world_readable" -> WORLD_READABLE;
            case "invited" -> INVITED;
            case "joined" -> JOINED;
            default -> SHARED;
        };
    }

    /**
     * @param membershipAtEvent the reader's membership when the event was sent (null if none)
     * @param joinedLater       whether the reader joined the room at some point after the event (or is joined now):
     *                          the spec's rule for {@code shared}, which also serves readers who have since left
     */
    public boolean allows(String membershipAtEvent, boolean joinedLater) {
        if (this == WORLD_READABLE || "join".equals(membershipAtEvent)) {
            return true;
        }
        return switch (this) {
            case SHARED -> joinedLater;
            case INVITED -> "invite".equals(membershipAtEvent);
            default -> false;
        };
    }
}
