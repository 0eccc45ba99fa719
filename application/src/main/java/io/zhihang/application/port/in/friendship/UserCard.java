package io.zhihang.application.port.in.friendship;

/** A user as the friend API shows one: id, display name and avatar (either may be null). */
public record UserCard(String userId, String displayName, String avatarUrl) {
}
