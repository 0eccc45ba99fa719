package io.zhihang.application.service.friendship;

import io.zhihang.application.port.out.friendship.FriendCategoryRepository;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends a friendship: the pair's row, and each one's place in the other's categories. */
@ApplicationScoped
public class Unfriending {
    private final FriendshipRepository friendships;
    private final FriendCategoryRepository categories;

    public Unfriending(FriendshipRepository friendships, FriendCategoryRepository categories) {
        this.friendships = friendships;
        this.categories = categories;
    }

    /** False if they were not friends. */
    public boolean end(UserId a, UserId b) {
        if (!friendships.unfriend(a, b)) {
            return false;
        }
        categories.removeEverywhere(a, b.toString());
        categories.removeEverywhere(b, a.toString());
        return true;
    }
}
