package io.zhihang.application.port.in.friendship;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

/**
 * Friend requests ({@code /_synapse/enhanced/friend/request…}, docs/api.md): the rules are
 * {@code domain.friendship.FriendshipRules}. The addressee's pending requests are kept in their account data
 * {@code io.zhihang.friend_requests}, so that {@code /sync} brings them.
 */
public interface FriendRequestsUseCase {
    /** The caller asks {@code addressee} to be friends. A repeat is the same request; a crossed one makes friends. */
    RequestAnswer send(Requester requester, UserId addressee, String message);

    /** The pending requests to and from {@code owner} (the caller, or any user for an admin). */
    FriendRequestLists list(Requester requester, UserId owner);

    /** The addressee accepts: they are friends, and their direct chat is opened or reused. */
    RequestAnswer accept(Requester requester, String requestId);

    RequestAnswer decline(Requester requester, String requestId);
}
