package io.zhihang.domain.friendship;

import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/**
 * Where two users stand, seen from {@code me}, as read just before a change: friends or not, a block in either
 * direction, and the pending request each way.
 *
 * @param otherActive whether {@code other} is an account of this server that exists and is not deactivated
 */
public record Relationship(UserId me, UserId other, boolean otherActive, boolean friends, boolean iBlocked,
                           boolean blockedMe, Optional<FriendRequest> outgoing, Optional<FriendRequest> incoming) {
    public Relationship {
        outgoing = outgoing.filter(FriendRequest::isPending);
        incoming = incoming.filter(FriendRequest::isPending);
    }

    /** Two strangers: no friendship, no block, no request. */
    public static Relationship strangers(UserId me, UserId other) {
        return new Relationship(me, other, true, false, false, false, Optional.empty(), Optional.empty());
    }

    public boolean blockedEitherWay() {
        return iBlocked || blockedMe;
    }
}
