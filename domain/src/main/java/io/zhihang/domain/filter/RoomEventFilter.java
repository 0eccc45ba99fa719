package io.zhihang.domain.filter;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;

import java.util.List;

/**
 * The spec's {@code RoomEventFilter}: event types (with {@code *} wildcards), senders and rooms to include or exclude,
 * {@code contains_url}, {@code limit}, and the flags that shape a response ({@code lazy_load_members},
 * {@code include_redundant_members}, {@code unread_thread_notifications}). A null include list means "no
 * restriction"; an empty one lets nothing through.
 *
 * @param limit       the most events to return; null when the filter does not say ({@link #limitOr})
 * @param containsUrl true: only events whose content has a string {@code url}; false: only those without; null: both
 */
public record RoomEventFilter(Integer limit, List<String> types, List<String> notTypes, List<String> senders,
                              List<String> notSenders, List<String> rooms, List<String> notRooms, Boolean containsUrl,
                              boolean lazyLoadMembers, boolean includeRedundantMembers,
                              boolean unreadThreadNotifications) {
    public static final RoomEventFilter ALL = new RoomEventFilter(null, null, List.of(), null, List.of(), null,
            List.of(), null, false, false, false);

    public RoomEventFilter {
        types = types == null ? null : List.copyOf(types);
        notTypes = List.copyOf(notTypes);
        senders = senders == null ? null : List.copyOf(senders);
        notSenders = List.copyOf(notSenders);
        rooms = rooms == null ? null : List.copyOf(rooms);
        notRooms = List.copyOf(notRooms);
    }

    /** Parses a {@code RoomEventFilter} given on its own (the {@code filter} parameter of {@code /messages}). */
    public static RoomEventFilter parse(JsonObject json) {
        return parse(json, "");
    }

    /** Parses a {@code RoomEventFilter}; {@code path} names it in errors (e.g. {@code room.timeline}). */
    public static RoomEventFilter parse(JsonObject json, String path) {
        return new RoomEventFilter(FilterJson.limit(json, path),
                FilterJson.strings(json, "types", path), FilterJson.orEmpty(FilterJson.strings(json, "not_types", path)),
                FilterJson.userIds(json, "senders", path),
                FilterJson.orEmpty(FilterJson.userIds(json, "not_senders", path)),
                FilterJson.roomIds(json, "rooms", path), FilterJson.orEmpty(FilterJson.roomIds(json, "not_rooms", path)),
                FilterJson.bool(json, "contains_url", path),
                Boolean.TRUE.equals(FilterJson.bool(json, "lazy_load_members", path)),
                Boolean.TRUE.equals(FilterJson.bool(json, "include_redundant_members", path)),
                Boolean.TRUE.equals(FilterJson.bool(json, "unread_thread_notifications", path)));
    }

    public boolean matches(Pdu event) {
        return matches(event.type(), event.sender(), event.json().string("room_id").orElse(null), event.content());
    }

    /**
     * Whether an event in client or federation format passes; it may lack {@code sender} and {@code room_id}
     * (ephemeral and account data events), in which case a {@code senders}/{@code rooms} list excludes it.
     */
    public boolean matches(JsonObject event) {
        return matches(event, event.string("room_id").orElse(null));
    }

    /**
     * Like {@link #matches(JsonObject)}, for an event of room {@code roomId} whatever its JSON says (sync's events
     * carry no {@code room_id}).
     */
    public boolean matches(JsonObject event, String roomId) {
        return matches(event.string("type").orElse(null), event.string("sender").orElse(null), roomId,
                event.object("content").orElse(JsonObject.EMPTY));
    }

    private boolean matches(String type, String sender, String roomId, JsonObject content) {
        if (EventTypePatterns.anyMatches(notTypes, type)) {
            return false;
        }
        if (types != null && !EventTypePatterns.anyMatches(types, type)) {
            return false;
        }
        if ((sender != null && notSenders.contains(sender))
                || (senders != null && (sender == null || !senders.contains(sender)))) {
            return false;
        }
        if (roomId != null && !allowsRoom(roomId)) {
            return false;
        }
        if (roomId == null && rooms != null) {
            return false;
        }
        return containsUrl == null || containsUrl == content.members().get("url") instanceof JsonString;
    }

    /** Whether the {@code rooms}/{@code not_rooms} lists let this room through. */
    public boolean allowsRoom(String roomId) {
        return !notRooms.contains(roomId) && (rooms == null || rooms.contains(roomId));
    }

    /** Whether events of {@code type} pass {@code types} and {@code not_types}. */
    public boolean allowsType(String type) {
        return !EventTypePatterns.anyMatches(notTypes, type)
                && (types == null || EventTypePatterns.anyMatches(types, type));
    }

    /** Nothing can pass: an empty {@code types}, {@code senders} or {@code rooms} list, or {@code not_types: ["*"]}. */
    public boolean blocksAll() {
        return (types != null && types.isEmpty()) || (senders != null && senders.isEmpty())
                || (rooms != null && rooms.isEmpty()) || notTypes.contains("*");
    }

    public int limitOr(int defaultLimit) {
        return limit == null ? defaultLimit : limit;
    }
}
