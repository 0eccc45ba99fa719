package io.zhihang.application.port.in.friendship;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/**
 * Blocks: a block is an entry of the blocker's {@code m.ignored_user_list} (ADR 0009), so Element's "ignore" and
 * this block are one list. Blocking ends the friendship and withdraws the pending requests both ways.
 */
public interface FriendBlocksUseCase {
    List<BlockedUser> blocked(Requester requester, UserId owner);

    void block(Requester requester, UserId owner, UserId target, String reason);

    /** {@code 404} if {@code target} is not blocked. */
    void unblock(Requester requester, UserId owner, UserId target);

    /** A blocked user, with the reason given when blocking through this API (null otherwise). */
    record BlockedUser(UserCard user, String reason) {
    }
}
