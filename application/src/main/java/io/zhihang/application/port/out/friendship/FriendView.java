package io.zhihang.application.port.out.friendship;

import java.time.Instant;

/** A friend as listed: profile (either part may be null) and since when they are friends. */
public record FriendView(String userId, String displayName, String avatarUrl, Instant since) {
}
