package io.zhihang.application.service.friendship;

import io.zhihang.application.port.in.friendship.FriendBlocksUseCase;
import io.zhihang.application.port.in.friendship.UserCard;
import io.zhihang.application.port.in.userdata.ServerAccountDataUseCase;
import io.zhihang.application.port.out.UserPairLock;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.friendship.FriendRequest;
import io.zhihang.domain.friendship.FriendshipRules;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.IgnoredUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;

/**
 * Blocks as entries of the blocker's {@code m.ignored_user_list} (ADR 0009): written through the account-data
 * write, so {@code /sync} carries them and everything the ignore list hides is hidden. A reason given here is kept
 * in the entry as {@value #REASON}; other entries, and whatever else the content holds, are kept as they were.
 */
@ApplicationScoped
public class FriendBlockService implements FriendBlocksUseCase {
    static final String REASON = "io.zhihang.reason";

    private final AccountDataRepository accountData;
    private final ServerAccountDataUseCase accountDataWrites;
    private final FriendshipRepository friendships;
    private final UserPairLock pairs;
    private final Relationships relationships;
    private final Unfriending unfriending;
    private final FriendRequestInbox inbox;
    private final UserCards cards;
    private final InstantSource clock;

    public FriendBlockService(AccountDataRepository accountData, ServerAccountDataUseCase accountDataWrites,
                              FriendshipRepository friendships, UserPairLock pairs, Relationships relationships,
                              Unfriending unfriending, FriendRequestInbox inbox, UserCards cards,
                              InstantSource clock) {
        this.accountData = accountData;
        this.accountDataWrites = accountDataWrites;
        this.friendships = friendships;
        this.pairs = pairs;
        this.relationships = relationships;
        this.unfriending = unfriending;
        this.inbox = inbox;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<BlockedUser> blocked(Requester requester, UserId owner) {
        FriendOwners.ensure(requester, owner);
        JsonObject users = ignoreList(owner).object("ignored_users").orElse(JsonObject.EMPTY);
        return users.members().keySet().stream().sorted().map(id -> new BlockedUser(card(id),
                users.object(id).flatMap(e -> e.string(REASON)).orElse(null))).toList();
    }

    @Override
    @Transactional
    public void block(Requester requester, UserId owner, UserId target, String reason) {
        FriendOwners.ensure(requester, owner);
        endFriendshipAndRequests(owner, target);
        JsonObject entry = reason == null ? JsonObject.EMPTY : JsonObject.builder().put(REASON, reason).build();
        accountDataWrites.put(owner, IgnoredUsers.TYPE, IgnoredUsers.adding(ignoreList(owner), target.toString(),
                entry));
    }

    /**
     * What a block ends: the friendship and the pending requests both ways. Also applied when a client adds the user
     * to its ignore list itself ({@link FriendsFollowIgnores}), so that Element's "ignore" is this block.
     */
    @Transactional
    public void endFriendshipAndRequests(UserId owner, UserId target) {
        pairs.lock(owner, target);
        accountData.lockStream();
        FriendshipRules.BlockOutcome outcome = FriendshipRules.block(relationships.between(owner, target),
                clock.instant());
        if (outcome.endsFriendship()) {
            unfriending.end(owner, target);
        }
        for (FriendRequest withdrawn : outcome.withdrawn()) {
            friendships.saveRequest(withdrawn);
            inbox.refresh(withdrawn.to());
        }
    }

    @Override
    @Transactional
    public void unblock(Requester requester, UserId owner, UserId target) {
        FriendOwners.ensure(requester, owner);
        accountData.lockStream();
        JsonObject content = ignoreList(owner);
        if (!IgnoredUsers.of(content).isIgnored(target.toString())) {
            throw DomainException.notFound(target + " is not blocked");
        }
        accountDataWrites.put(owner, IgnoredUsers.TYPE, IgnoredUsers.removing(content, target.toString()));
    }

    private JsonObject ignoreList(UserId owner) {
        return accountData.find(owner.toString(), null, IgnoredUsers.TYPE).orElse(JsonObject.EMPTY);
    }

    private UserCard card(String userId) {
        try {
            return cards.of(UserId.parse(userId));
        } catch (DomainException e) {
            return new UserCard(userId, null, null);
        }
    }
}
