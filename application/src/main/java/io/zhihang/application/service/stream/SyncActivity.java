package io.zhihang.application.service.stream;

import java.util.Collection;
import java.util.Set;

/**
 * Something a user's {@code /sync} would now show differently: fired (as a CDI event) inside the transaction that made
 * the change; waiting long-polls of the named users, and of the members of the named rooms, wake after commit (at
 * once when there is no transaction, as for typing).
 *
 * @param userIds users whose own data changed (account data, an invite, a to-device message, presence)
 * @param roomIds rooms whose timeline or ephemeral data changed (events, typing, receipts)
 */
public record SyncActivity(Set<String> userIds, Set<String> roomIds) {
    public SyncActivity {
        userIds = Set.copyOf(userIds);
        roomIds = Set.copyOf(roomIds);
    }

    public static SyncActivity ofUsers(Collection<String> userIds) {
        return new SyncActivity(Set.copyOf(userIds), Set.of());
    }

    public static SyncActivity ofUser(String userId) {
        return new SyncActivity(Set.of(userId), Set.of());
    }

    public static SyncActivity ofRoom(String roomId) {
        return new SyncActivity(Set.of(), Set.of(roomId));
    }
}
