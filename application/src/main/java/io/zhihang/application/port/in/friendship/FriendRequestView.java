package io.zhihang.application.port.in.friendship;

import java.time.Instant;

/** A request as listed, with the sender's profile. */
public record FriendRequestView(String requestId, UserCard sender, String addressee, String message,
                                Instant created, String status) {
}
