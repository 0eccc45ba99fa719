package io.zhihang.application.service.friendship;

import io.zhihang.application.port.in.friendship.FriendsPage;
import io.zhihang.application.port.in.friendship.FriendsUseCase;
import io.zhihang.application.port.in.friendship.UserCard;
import io.zhihang.application.port.out.friendship.FriendCategoryRepository;
import io.zhihang.application.port.out.friendship.FriendView;
import io.zhihang.application.port.out.UserPairLock;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.application.port.out.friendship.Recommendation;
import io.zhihang.application.service.account.AccountDeactivated;
import io.zhihang.application.service.room.IgnoreLists;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.IgnoredUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A user's friends: the paged list (with the owner's categories), removing a friend, recommendations, and
 * forgetting a deactivated account.
 */
@ApplicationScoped
public class FriendService implements FriendsUseCase {
    /** Candidates read per recommendation asked for, so that those who block the user can be left out after. */
    private static final int CANDIDATES_PER_RESULT = 3;

    private final FriendshipRepository friendships;
    private final UserPairLock pairs;
    private final FriendCategoryRepository categories;
    private final Unfriending unfriending;
    private final FriendRequestInbox inbox;
    private final IgnoreLists ignoreLists;

    public FriendService(FriendshipRepository friendships, UserPairLock pairs, FriendCategoryRepository categories,
                         Unfriending unfriending, FriendRequestInbox inbox, IgnoreLists ignoreLists) {
        this.friendships = friendships;
        this.pairs = pairs;
        this.categories = categories;
        this.unfriending = unfriending;
        this.inbox = inbox;
        this.ignoreLists = ignoreLists;
    }

    @Override
    @Transactional
    public FriendsPage friends(Requester requester, UserId owner, String from, int limit) {
        FriendOwners.ensure(requester, owner);
        List<FriendView> rows = friendships.friends(owner, from == null ? null : decode(from), limit + 1);
        List<FriendView> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<String, List<String>> inCategories = categories.categoriesOf(owner,
                page.stream().map(FriendView::userId).toList());
        List<FriendsPage.Friend> friends = page.stream().map(f -> new FriendsPage.Friend(
                new UserCard(f.userId(), f.displayName(), f.avatarUrl()),
                inCategories.getOrDefault(f.userId(), List.of()), f.since())).toList();
        String next = rows.size() > limit ? encode(page.getLast().userId()) : null;
        return new FriendsPage(friends, friendships.countFriends(owner), next);
    }

    @Override
    @Transactional
    public void remove(Requester requester, UserId owner, UserId friend) {
        FriendOwners.ensure(requester, owner);
        pairs.lock(owner, friend);
        if (!unfriending.end(owner, friend)) {
            throw DomainException.notFound("You are not friends with " + friend);
        }
    }

    @Override
    @Transactional
    public List<Recommendation> recommendations(Requester requester, UserId owner, int limit) {
        FriendOwners.ensure(requester, owner);
        IgnoredUsers mine = ignoreLists.of(owner.toString());
        List<Recommendation> out = new ArrayList<>();
        for (Recommendation candidate : friendships.recommendations(owner,
                limit * CANDIDATES_PER_RESULT + mine.userIds().size())) {
            if (out.size() == limit) {
                break;
            }
            if (!mine.isIgnored(candidate.userId())
                    && !ignoreLists.of(candidate.userId()).isIgnored(owner.toString())) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** A deactivated account has no friends, requests or categories; its pending requests leave their inboxes. */
    void onDeactivated(@Observes AccountDeactivated deactivated) {
        UserId user = deactivated.user();
        pairs.lock(user, user);
        categories.forget(user);
        for (UserId addressee : friendships.forget(user)) {
            inbox.refresh(addressee);
        }
    }

    private static String encode(String userId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return UserId.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).toString();
        } catch (IllegalArgumentException | DomainException e) {
            throw DomainException.invalidParam("Invalid 'from' token");
        }
    }
}
