package io.zhihang.application.port.in.friendship;

import java.time.Instant;
import java.util.List;

/** A page of friends, the total count, and the token of the next page (null on the last). */
public record FriendsPage(List<Friend> friends, int count, String nextBatch) {
    public FriendsPage {
        friends = List.copyOf(friends);
    }

    /** A friend with the names of the owner's categories they are in. */
    public record Friend(UserCard user, List<String> categories, Instant since) {
        public Friend {
            categories = List.copyOf(categories);
        }
    }
}
