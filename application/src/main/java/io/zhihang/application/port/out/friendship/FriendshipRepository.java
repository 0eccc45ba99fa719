package io.zhihang.application.port.out.friendship;

import io.zhihang.domain.friendship.FriendRequest;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Friendships and friend requests (tables {@code friendships} and {@code friend_requests}, ADR 0009). A friendship
 * is stored once per pair, so it is mutual by construction.
 */
public interface FriendshipRepository {
    boolean areFriends(UserId a, UserId b);

    void befriend(UserId a, UserId b, Instant since);

    /** Ends the friendship; false if there was none. */
    boolean unfriend(UserId a, UserId b);

    Optional<FriendRequest> findRequest(String requestId);

    /** The pending request from {@code from} to {@code to}, if any. */
    Optional<FriendRequest> pendingRequest(UserId from, UserId to);

    /** Stores a new request, or the new status and answer time of a stored one. */
    void saveRequest(FriendRequest request);

    /** The pending requests addressed to {@code user}, oldest first. */
    List<FriendRequest> pendingTo(UserId user);

    /** The pending requests {@code user} sent, oldest first. */
    List<FriendRequest> pendingFrom(UserId user);

    /** A page of the user's friends in user-id order, after {@code after} (null: from the start). */
    List<FriendView> friends(UserId user, String after, int limit);

    int countFriends(UserId user);

    /**
     * Local, active strangers ranked by mutual friends and then shared rooms: never the user, a friend, or the
     * other side of a pending request. Bounded fan-out: see the adapter for its caps.
     */
    List<Recommendation> recommendations(UserId user, int limit);

    /**
     * Removes everything of a deactivated user: friendships and requests both ways. Returns the addressees of the
     * pending requests it removed, whose list of incoming requests changed.
     */
    List<UserId> forget(UserId user);
}
