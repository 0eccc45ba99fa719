package io.zhihang.domain.userdata;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Set;

/**
 * A user's ignore list, the global account data {@code m.ignored_user_list} ({@code {"ignored_users": {id: {}}}}).
 * As in Synapse's {@code filter_events_for_client}, the reader never sees non-state events sent by an ignored user;
 * their state events (membership, names) still show, so the room stays coherent.
 */
public record IgnoredUsers(Set<String> userIds) {
    public static final String TYPE = "m.ignored_user_list";
    public static final IgnoredUsers NONE = new IgnoredUsers(Set.of());

    public IgnoredUsers {
        userIds = Set.copyOf(userIds);
    }

    /** The list in an {@code m.ignored_user_list} content; a content without an {@code ignored_users} object has none. */
    public static IgnoredUsers of(JsonObject content) {
        return content.object("ignored_users").map(users -> new IgnoredUsers(users.members().keySet())).orElse(NONE);
    }

    /**
     * The content with {@code userId} ignored, its entry set to {@code entry}: every other entry and every other
     * member of the content is kept as it was.
     */
    public static JsonObject adding(JsonObject content, String userId, JsonObject entry) {
        JsonObject users = content.object("ignored_users").orElse(JsonObject.EMPTY);
        return content.with("ignored_users", users.with(userId, entry));
    }

    /** The content without {@code userId}'s entry; the rest is kept as it was. */
    public static JsonObject removing(JsonObject content, String userId) {
        JsonObject users = content.object("ignored_users").orElse(JsonObject.EMPTY);
        return content.with("ignored_users", users.without(userId));
    }

    public boolean isIgnored(String userId) {
        return userIds.contains(userId);
    }

    /** Whether the event is hidden from the owner of this list: a non-state event of an ignored sender. */
    public boolean hides(Pdu event) {
        return !userIds.isEmpty() && !event.isState() && userIds.contains(event.sender());
    }
}
