package io.zhihang.application.port.out.friendship;

import java.util.List;

/** One of a user's friend categories, with its members in user-id order. */
public record FriendCategory(String name, List<String> members) {
    public FriendCategory {
        members = List.copyOf(members);
    }
}
