package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;

/** Joining, leaving, inviting, kicking, banning. */
public interface MembershipUseCase {
    /** Joins a room by id or alias; returns the room id. */
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
