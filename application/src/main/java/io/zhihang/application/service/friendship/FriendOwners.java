package io.zhihang.application.service.friendship;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

/** The check every path naming an owner starts with: the caller, or a server admin. */
final class FriendOwners {
    private FriendOwners() {
    }

    static void ensure(Requester requester, UserId owner) {
        if (!requester.userId().equals(owner) && !requester.admin()) {
            throw DomainException.forbidden("You may only see and change your own friends");
        }
    }
}
