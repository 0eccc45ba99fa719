package io.zhihang.domain.friendship;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of friend requests and blocks, as plain decisions on a {@link Relationship} read before the change
 * (time passed in). Refusals never tell a user that someone blocked them: a request across a block in either
 * direction gets the same answer.
 */
public final class FriendshipRules {
    /** The longest message a request may carry, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 500;

    private FriendshipRules() {
    }

    /** What sending a request comes to. */
    public sealed interface RequestOutcome {
        /** A new pending request to store. */
        record Sent(FriendRequest request) implements RequestOutcome {
        }

        /** The same request was already pending: nothing new. */
        record AlreadyPending(FriendRequest request) implements RequestOutcome {
        }

        /** The other user had asked first: their request is accepted, and the two are friends. */
        record BecameFriends(FriendRequest accepted) implements RequestOutcome {
        }
    }

    /**
     * {@code me} asks {@code other} to be friends.
     *
     * @param newId the id the request gets if it is a new one
     */
    public static RequestOutcome request(Relationship relation, String newId, String message, Instant now) {
        if (relation.me().equals(relation.other())) {
            throw DomainException.invalidParam("You cannot send a friend request to yourself");
        }
        if (!relation.otherActive()) {
            throw DomainException.notFound("No such user");
        }
        if (message != null && message.codePointCount(0, message.length()) > MAX_MESSAGE_LENGTH) {
            throw DomainException.invalidParam("A friend request's message is at most " + MAX_MESSAGE_LENGTH
                    + " characters");
        }
        if (relation.blockedEitherWay()) {
            throw DomainException.forbidden("You cannot send this user a friend request");
        }
        if (relation.friends()) {
            throw DomainException.invalidParam("You are already friends");
        }
        if (relation.incoming().isPresent()) {
            return new RequestOutcome.BecameFriends(relation.incoming().get()
                    .answered(FriendRequest.Status.ACCEPTED, now));
        }
        if (relation.outgoing().isPresent()) {
            return new RequestOutcome.AlreadyPending(relation.outgoing().get());
        }
        return new RequestOutcome.Sent(FriendRequest.pending(newId, relation.me(), relation.other(), message, now));
    }

    /**
     * {@code by} accepts or declines {@code request}. Only its addressee may answer it, and only while it is
     * pending; accepting across a block (made since the request was sent) is refused.
     *
     * @param relation the relationship seen from {@code by}, the addressee
     */
    public static FriendRequest answer(FriendRequest request, UserId by, boolean accept, Relationship relation,
                                       Instant now) {
        if (!request.to().equals(by)) {
            throw request.from().equals(by)
                    ? DomainException.forbidden("Only the user a friend request is sent to may answer it")
                    : DomainException.notFound("No such friend request");
        }
        if (!request.isPending()) {
            throw DomainException.invalidParam("This friend request was already "
                    + request.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (accept && relation.blockedEitherWay()) {
            throw DomainException.forbidden("You cannot accept this friend request");
        }
        return request.answered(accept ? FriendRequest.Status.ACCEPTED : FriendRequest.Status.DECLINED, now);
    }

    /** What a block changes: the friendship ends and the pending requests between the two are withdrawn. */
    public record BlockOutcome(boolean endsFriendship, List<FriendRequest> withdrawn) {
    }

    /** {@code me} blocks {@code other}; blocking again changes nothing. */
    public static BlockOutcome block(Relationship relation, Instant now) {
        if (relation.me().equals(relation.other())) {
            throw DomainException.invalidParam("You cannot block yourself");
        }
        List<FriendRequest> withdrawn = new ArrayList<>();
        relation.outgoing().ifPresent(r -> withdrawn.add(r.answered(FriendRequest.Status.WITHDRAWN, now)));
        relation.incoming().ifPresent(r -> withdrawn.add(r.answered(FriendRequest.Status.WITHDRAWN, now)));
        return new BlockOutcome(relation.friends(), List.copyOf(withdrawn));
    }
}
