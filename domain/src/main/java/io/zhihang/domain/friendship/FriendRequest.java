package io.zhihang.domain.friendship;

import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A friend request from one user to another, with an optional message. It is pending until the addressee accepts or
 * declines it, or until it is withdrawn (a block between the two, or the two becoming friends another way).
 */
public record FriendRequest(String id, UserId from, UserId to, String message, Status status, Instant sentAt,
                            Instant answeredAt) {
    public enum Status { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    public FriendRequest {
        Objects.requireNonNull(id);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(status);
        Objects.requireNonNull(sentAt);
    }

    public static FriendRequest pending(String id, UserId from, UserId to, String message, Instant sentAt) {
        return new FriendRequest(id, from, to, message, Status.PENDING, sentAt, null);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    FriendRequest answered(Status answer, Instant at) {
        return new FriendRequest(id, from, to, message, answer, sentAt, at);
    }
}
