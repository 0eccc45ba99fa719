package io.zhihang.application.service.friendship;

import io.zhihang.application.port.in.friendship.FriendCategoriesUseCase;
import io.zhihang.application.port.out.friendship.FriendCategory;
import io.zhihang.application.port.out.friendship.FriendCategoryRepository;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.friendship.FriendCategories;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;

/** A user's friend categories, changed under the owner's lock; only friends may be put in one. */
@ApplicationScoped
public class FriendCategoryService implements FriendCategoriesUseCase {
    private final FriendCategoryRepository categories;
    private final FriendshipRepository friendships;
    private final InstantSource clock;

    public FriendCategoryService(FriendCategoryRepository categories, FriendshipRepository friendships,
                                 InstantSource clock) {
        this.categories = categories;
        this.friendships = friendships;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<FriendCategory> categories(Requester requester, UserId owner) {
        FriendOwners.ensure(requester, owner);
        return categories.categories(owner);
    }

    @Override
    @Transactional
    public FriendCategory create(Requester requester, UserId owner, String name, List<UserId> members) {
        FriendOwners.ensure(requester, owner);
        categories.lockOwner(owner);
        String valid = FriendCategories.checkNew(names(owner), name);
        ensureFriends(owner, members);
        categories.create(owner, valid, FriendCategories.key(valid), clock.instant());
        categories.addMembers(owner, FriendCategories.key(valid), ids(members));
        return find(owner, valid);
    }

    @Override
    @Transactional
    public FriendCategory update(Requester requester, UserId owner, String name, String newName, List<UserId> add,
                                 List<UserId> remove) {
        FriendOwners.ensure(requester, owner);
        categories.lockOwner(owner);
        String current = find(owner, name).name();
        String now = newName == null ? current : FriendCategories.checkRename(names(owner), current, newName);
        ensureFriends(owner, add);
        if (!now.equals(current)) {
            categories.rename(owner, FriendCategories.key(current), now, FriendCategories.key(now));
        }
        categories.addMembers(owner, FriendCategories.key(now), ids(add));
        categories.removeMembers(owner, FriendCategories.key(now), ids(remove));
        return find(owner, now);
    }

    @Override
    @Transactional
    public void delete(Requester requester, UserId owner, String name) {
        FriendOwners.ensure(requester, owner);
        categories.lockOwner(owner);
        categories.delete(owner, FriendCategories.key(find(owner, name).name()));
    }

    /** The category of that name, whatever the case; {@code 404} if there is none. */
    private FriendCategory find(UserId owner, String name) {
        String key = name == null ? "" : FriendCategories.key(name.strip());
        return categories.categories(owner).stream().filter(c -> FriendCategories.key(c.name()).equals(key))
                .findFirst().orElseThrow(() -> DomainException.notFound("No such category"));
    }

    private List<String> names(UserId owner) {
        return categories.categories(owner).stream().map(FriendCategory::name).toList();
    }

    private void ensureFriends(UserId owner, List<UserId> members) {
        for (UserId member : members) {
            if (!friendships.areFriends(owner, member)) {
                throw DomainException.invalidParam("Only friends can be put in a category, and " + member
                        + " is not a friend");
            }
        }
    }

    private static List<String> ids(List<UserId> users) {
        return users.stream().map(UserId::toString).distinct().toList();
    }
}
