package io.zhihang.application.port.out.friendship;

/** Someone the user may know: how many friends they share, and how many rooms. */
public record Recommendation(String userId, String displayName, String avatarUrl, int mutualFriends,
                             int sharedRooms) {
}
