package io.zhihang.application.port.out.friendship;

import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A user's friend categories (tables {@code friend_categories} and {@code friend_category_members}). Names are
 * checked by {@code domain.friendship.FriendCategories}; {@code key} is a name's case-blind form.
 */
public interface FriendCategoryRepository {
    /** Serialises changes to the owner's categories until the transaction ends (in the database). */
    void lockOwner(UserId owner);

    /** The owner's categories in creation order. */
    List<FriendCategory> categories(UserId owner);

    /** For each of the given friends that is in one of the owner's categories, the names of those categories. */
    Map<String, List<String>> categoriesOf(UserId owner, Collection<String> friends);

    void create(UserId owner, String name, String key, Instant now);

    /** Renames the category whose key is {@code fromKey}. */
    void rename(UserId owner, String fromKey, String name, String key);

    void addMembers(UserId owner, String key, Collection<String> members);

    void removeMembers(UserId owner, String key, Collection<String> members);

    void delete(UserId owner, String key);

    /** Takes {@code member} out of all of the owner's categories. */
    void removeEverywhere(UserId owner, String member);

    /** Removes the user's categories, and the user from everyone's categories. */
    void forget(UserId user);
}
