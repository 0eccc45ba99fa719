package io.zhihang.application.port.in.admin.rooms;

import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * The admin API's rooms (Synapse's {@code /_synapse/admin/v1/rooms…}, {@code /v1/join}): every room of the server
 * whatever the admin's own membership. Each method refuses anyone but a server admin first.
 */
public interface AdminRoomsUseCase {
    AdminRoomPage list(Requester admin, AdminRoomListQuery query);

    /** 404 if the server does not know the room. */
    AdminRoom details(Requester admin, String roomId);

    /** The joined members' ids. */
    List<String> members(Requester admin, String roomId);

    /** The current state in the client format, optionally of one event type. */
    List<JsonObject> state(Requester admin, String roomId, String type);

    /** {@code /messages} over the whole history, whatever the admin's membership and the history visibility. */
    RoomQueries.MessagesPage messages(Requester admin, String roomId, String from, String to, boolean backwards,
                                      int limit, RoomEventFilter filter);

    /** Joins a local user to a room (inviting them first, as the admin, unless the room is public); the room id. */
    String join(Requester admin, String ip, String roomIdOrAlias, String userId);

    /**
     * Gives {@code userId} (the admin if null) the power level of the room's most powerful joined local user, and
     * invites them if they are neither joined nor invited and the room is not public.
     */
    void makeRoomAdmin(Requester admin, String ip, String roomIdOrAlias, String userId);
}
