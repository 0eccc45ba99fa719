package io.zhihang.application.service.friendship;

import io.zhihang.application.port.in.friendship.FriendRequestLists;
import io.zhihang.application.port.in.friendship.FriendRequestView;
import io.zhihang.application.port.in.friendship.FriendRequestsUseCase;
import io.zhihang.application.port.in.friendship.RequestAnswer;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.UserPairLock;
import io.zhihang.application.port.out.friendship.FriendshipRepository;
import io.zhihang.application.service.lifecycle.DirectRooms;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.friendship.FriendRequest;
import io.zhihang.domain.friendship.FriendshipRules;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;

/**
 * Sending, listing and answering friend requests. Each change runs under the pair's lock, decides on the
 * relationship read after it, and rewrites the addressee's {@link FriendRequestInbox}. Accepting opens (or reuses)
 * the direct chat as the accepting user, the way {@code POST /createDM} does.
 */
@ApplicationScoped
public class FriendRequestService implements FriendRequestsUseCase {
    private final FriendshipRepository friendships;
    private final UserPairLock pairs;
    private final Relationships relationships;
    private final FriendRequestInbox inbox;
    private final DirectRooms directRooms;
    private final UserCards cards;
    private final IdGenerator ids;
    private final InstantSource clock;

    public FriendRequestService(FriendshipRepository friendships, UserPairLock pairs, Relationships relationships,
                                FriendRequestInbox inbox, DirectRooms directRooms, UserCards cards, IdGenerator ids,
                                InstantSource clock) {
        this.friendships = friendships;
        this.pairs = pairs;
        this.relationships = relationships;
        this.inbox = inbox;
        this.directRooms = directRooms;
        this.cards = cards;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RequestAnswer send(Requester requester, UserId addressee, String message) {
        UserId me = requester.userId();
        pairs.lock(me, addressee);
        Instant now = clock.instant();
        return switch (FriendshipRules.request(relationships.between(me, addressee), ids.secret(), message, now)) {
            case FriendshipRules.RequestOutcome.Sent sent -> {
                friendships.saveRequest(sent.request());
                inbox.refresh(addressee);
                yield new RequestAnswer(sent.request().id(), "pending", null);
            }
            case FriendshipRules.RequestOutcome.AlreadyPending pending ->
                    new RequestAnswer(pending.request().id(), "pending", null);
            case FriendshipRules.RequestOutcome.BecameFriends friends -> accepted(requester, friends.accepted(), now);
        };
    }

    @Override
    @Transactional
    public FriendRequestLists list(Requester requester, UserId owner) {
        FriendOwners.ensure(requester, owner);
        return new FriendRequestLists(views(friendships.pendingTo(owner)), views(friendships.pendingFrom(owner)));
    }

    @Override
    @Transactional
    public RequestAnswer accept(Requester requester, String requestId) {
        FriendRequest request = answer(requester, requestId, true);
        return accepted(requester, request, request.answeredAt());
    }

    @Override
    @Transactional
    public RequestAnswer decline(Requester requester, String requestId) {
        FriendRequest request = answer(requester, requestId, false);
        friendships.saveRequest(request);
        inbox.refresh(request.to());
        return new RequestAnswer(request.id(), "declined", null);
    }

    /** The request as answered by the caller, decided under the pair's lock; not yet stored. */
    private FriendRequest answer(Requester requester, String requestId, boolean accept) {
        FriendRequest found = find(requestId);
        pairs.lock(found.from(), found.to());
        FriendRequest request = find(requestId);
        UserId me = requester.userId();
        return FriendshipRules.answer(request, me, accept, relationships.between(me, request.from()),
                clock.instant());
    }

    private FriendRequest find(String requestId) {
        return friendships.findRequest(requestId)
                .orElseThrow(() -> DomainException.notFound("No such friend request"));
    }

    /** Stores an accepted request (the caller is its addressee): friends, the inbox, and the direct chat. */
    private RequestAnswer accepted(Requester addressee, FriendRequest request, Instant now) {
        friendships.saveRequest(request);
        friendships.befriend(request.from(), request.to(), now);
        inbox.refresh(request.to());
        String roomId = directRooms.with(addressee, request.from());
        return new RequestAnswer(request.id(), "accepted", roomId);
    }

    private List<FriendRequestView> views(List<FriendRequest> requests) {
        return requests.stream().map(r -> new FriendRequestView(r.id(), cards.of(r.from()), r.to().toString(),
                r.message(), r.sentAt(), r.status().name().toLowerCase(Locale.ROOT))).toList();
    }
}
