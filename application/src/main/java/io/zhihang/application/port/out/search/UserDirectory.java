package io.zhihang.application.port.out.search;

import io.zhihang.domain.search.NameSearch;

import java.util.List;

/**
 * The user directory (Synapse's default, {@code search_all_users: false}): the local, active users a searcher may
 * find, which are those who share a joined room with the searcher and those joined to a public room (published in
 * the room directory, or whose join rule is {@code public}, or whose history is {@code world_readable}: Synapse's
 * {@code is_room_world_readable_or_publicly_joinable}).
 */
public interface UserDirectory {
    /** Keeps the directory's view of a room's current join rule ({@code m.room.join_rules}); null if it has none. */
    void joinRuleChanged(String roomId, String joinRule);

    /**
     * Keeps the directory's view of a room's current history visibility ({@code m.room.history_visibility}); null if
     * it has none.
     */
    void historyVisibilityChanged(String roomId, String historyVisibility);

    /**
     * The users visible to {@code searcherId} whose names match, best first: those with a display name, then with an
     * avatar, then by display name and user id. At most {@code limit}.
     */
    List<Entry> search(String searcherId, NameSearch search, int limit);

    record Entry(String userId, String displayName, String avatarUrl) {
    }
}
