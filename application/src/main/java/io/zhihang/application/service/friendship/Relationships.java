package io.zhihang.application.service.friendship;

import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.application.service.room.IgnoreLists;
import io.zhihang.domain.friendship.Relationship;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads where two users stand, for a rule to decide on; call it under the pair's lock. */
@ApplicationScoped
public class Relationships {
    private final AccountRepository accounts;
    private final FriendshipRepository friendships;
    private final IgnoreLists ignoreLists;

    public Relationships(AccountRepository accounts, FriendshipRepository friendships, IgnoreLists ignoreLists) {
        this.accounts = accounts;
        this.friendships = friendships;
        this.ignoreLists = ignoreLists;
    }

    public Relationship between(UserId me, UserId other) {
        boolean active = accounts.find(other).map(a -> !a.deactivated()).orElse(false);
        return new Relationship(me, other, active, friendships.areFriends(me, other),
                ignoreLists.of(me.toString()).isIgnored(other.toString()),
                ignoreLists.of(other.toString()).isIgnored(me.toString()),
                friendships.pendingRequest(me, other), friendships.pendingRequest(other, me));
    }
}
