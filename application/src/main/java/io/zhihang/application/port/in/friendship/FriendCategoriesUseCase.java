package io.zhihang.application.port.in.friendship;

import io.zhihang.application.port.out.friendship.FriendCategory;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/**
 * A user's friend categories (names and limits: {@code domain.friendship.FriendCategories}). Only friends may be
 * put in one; an unknown category is {@code 404}.
 */
public interface FriendCategoriesUseCase {
    List<FriendCategory> categories(Requester requester, UserId owner);

    FriendCategory create(Requester requester, UserId owner, String name, List<UserId> members);

    /** Renames (if {@code newName} is not null), then adds and removes members. */
    FriendCategory update(Requester requester, UserId owner, String name, String newName, List<UserId> add,
                          List<UserId> remove);

    void delete(Requester requester, UserId owner, String name);
}
