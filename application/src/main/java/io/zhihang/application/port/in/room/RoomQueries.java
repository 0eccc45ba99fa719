package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Map;

/**
 * Reading rooms: state, members, single events and history, in the client event format. Only members see inside a
 * room.
 */
public interface RoomQueries {
    List<String> joinedRooms(Requester requester);

    /**
     * The rooms {@code user} is joined to (the seed's {@code GET /user/{userId}/rooms}): the requester's own, or anyone's
     * for a server admin; another user's is {@code 403 M_FORBIDDEN}.
     */
    List<String> joinedRooms(Requester requester, UserId user);

    List<JsonObject> state(Requester requester, String roomId);

    /** The content of one state event ({@code GET /rooms/{id}/state/{type}/{key}}). */
    JsonObject stateContent(Requester requester, String roomId, String type, String stateKey);

    /**
     * The whole state event in the client format, {@code room_id} included
     * ({@code GET /rooms/{id}/state/{type}/{key}?format=event}).
     */
    JsonObject stateEvent(Requester requester, String roomId, String type, String stateKey);

    /** Member events, optionally only those with {@code membership} and/or without {@code notMembership}. */
    List<JsonObject> members(Requester requester, String roomId, String membership, String notMembership);

    /**
     * {@code /members?at=}: the member events as they were at a point of the room's stream (a pagination or sync
     * token; {@code at} null means now).
     */
    List<JsonObject> members(Requester requester, String roomId, String membership, String notMembership, String at);

    /** user id → {display_name, avatar_url} of joined members. */
    Map<String, JsonObject> joinedMembers(Requester requester, String roomId);

    JsonObject event(Requester requester, String roomId, String eventId);

    /** History with a filter; {@code state} holds the senders' member events when it lazy-loads members. */
    MessagesPage messages(Requester requester, String roomId, String from, String to, boolean backwards, int limit,
                          RoomEventFilter filter);

    default MessagesPage messages(Requester requester, String roomId, String from, String to, boolean backwards,
                                  int limit) {
        return messages(requester, roomId, from, to, backwards, limit, RoomEventFilter.ALL);
    }

    /** A page of {@code /messages}: events in the requested direction and the tokens around them. */
    record MessagesPage(List<JsonObject> chunk, String start, String end, List<JsonObject> state) {
    }
}
