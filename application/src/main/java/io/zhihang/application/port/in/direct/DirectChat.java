package io.zhihang.application.port.in.direct;

/**
 * One direct chat as its member sees it.
 *
 * @param otherMembership the other user's membership, or null if they never had one
 */
public record DirectChat(String roomId, String otherUserId, String membership, String otherMembership) {
}
