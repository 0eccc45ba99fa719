package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

/** Joining, leaving, inviting, kicking, banning. */
public interface MembershipUseCase {
    /**
     * Joins a room by id or alias; returns the room id. {@code content} is what the member event's content should
     * hold besides {@code membership} (Synapse keeps the whole body of {@code POST /join/{roomIdOrAlias}}); the
     * user's profile fills in {@code displayname} and {@code avatar_url} where it has none.
     */
    String joinWithContent(Requester requester, String roomIdOrAlias, JsonObject content);

    /** Joins with only a reason in the member event, or nothing if {@code reason} is null. */
    String join(Requester requester, String roomIdOrAlias, String reason);

    void leave(Requester requester, String roomId, String reason);

    void invite(Requester requester, String roomId, String userId, String reason);

    void kick(Requester requester, String roomId, String userId, String reason);

    void ban(Requester requester, String roomId, String userId, String reason);

    void unban(Requester requester, String roomId, String userId, String reason);

    /** Forgets a room the user has left: its history is closed to them until they rejoin. */
    void forget(Requester requester, String roomId);

    /** Knocks on a room by id or alias; returns the room id. */
    String knock(Requester requester, String roomIdOrAlias, String reason);
}
