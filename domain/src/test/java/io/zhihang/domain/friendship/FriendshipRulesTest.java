package io.zhihang.domain.friendship;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FriendshipRulesTest {
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final UserId BOB = UserId.parse("@bob:example.org");
    private static final UserId CAROL = UserId.parse("@carol:example.org");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static Relationship aliceAndBob() {
        return Relationship.strangers(ALICE, BOB);
    }

    private static Relationship with(boolean friends, boolean iBlocked, boolean blockedMe, FriendRequest out,
                                     FriendRequest in) {
        return new Relationship(ALICE, BOB, true, friends, iBlocked, blockedMe, Optional.ofNullable(out),
                Optional.ofNullable(in));
    }

    private static ErrorKind refusal(Runnable action) {
        return catchThrowableOfType(DomainException.class, action::run).kind();
    }

    @Test
    void a_request_to_a_stranger_is_a_new_pending_request() {
        var outcome = FriendshipRules.request(aliceAndBob(), "r1", "hi", NOW);
        assertThat(outcome).isInstanceOfSatisfying(FriendshipRules.RequestOutcome.Sent.class, sent -> {
            assertThat(sent.request()).isEqualTo(FriendRequest.pending("r1", ALICE, BOB, "hi", NOW));
            assertThat(sent.request().isPending()).isTrue();
        });
    }

    @Test
    void no_request_to_oneself_nor_to_a_missing_or_deactivated_user() {
        assertThat(refusal(() -> FriendshipRules.request(Relationship.strangers(ALICE, ALICE), "r", null, NOW)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        Relationship gone = new Relationship(ALICE, BOB, false, false, false, false, Optional.empty(),
                Optional.empty());
        assertThat(refusal(() -> FriendshipRules.request(gone, "r", null, NOW))).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_block_either_way_refuses_the_request_with_the_same_answer() {
        DomainException mine = catchThrowableOfType(DomainException.class,
                () -> FriendshipRules.request(with(false, true, false, null, null), "r", null, NOW));
        DomainException theirs = catchThrowableOfType(DomainException.class,
                () -> FriendshipRules.request(with(false, false, true, null, null), "r", null, NOW));
        assertThat(mine.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(theirs.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(theirs.getMessage()).isEqualTo(mine.getMessage());
    }

    @Test
    void a_second_request_is_the_first_one_and_crossed_requests_make_friends() {
        FriendRequest pending = FriendRequest.pending("r1", ALICE, BOB, null, NOW.minusSeconds(60));
        assertThat(FriendshipRules.request(with(false, false, false, pending, null), "r2", null, NOW))
                .isEqualTo(new FriendshipRules.RequestOutcome.AlreadyPending(pending));

        FriendRequest fromBob = FriendRequest.pending("r0", BOB, ALICE, "hello", NOW.minusSeconds(60));
        var outcome = FriendshipRules.request(with(false, false, false, null, fromBob), "r2", null, NOW);
        assertThat(outcome).isInstanceOfSatisfying(FriendshipRules.RequestOutcome.BecameFriends.class, friends -> {
            assertThat(friends.accepted().id()).isEqualTo("r0");
            assertThat(friends.accepted().status()).isEqualTo(FriendRequest.Status.ACCEPTED);
            assertThat(friends.accepted().answeredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void friends_cannot_ask_again_and_messages_have_a_limit() {
        assertThat(refusal(() -> FriendshipRules.request(with(true, false, false, null, null), "r", null, NOW)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        String atLimit = "好".repeat(FriendshipRules.MAX_MESSAGE_LENGTH);
        assertThat(FriendshipRules.request(aliceAndBob(), "r", atLimit, NOW))
                .isInstanceOf(FriendshipRules.RequestOutcome.Sent.class);
        assertThat(refusal(() -> FriendshipRules.request(aliceAndBob(), "r", atLimit + "!", NOW)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void only_the_addressee_answers_and_only_once() {
        FriendRequest request = FriendRequest.pending("r1", BOB, ALICE, null, NOW.minusSeconds(5));
        Relationship fromAlice = aliceAndBob();
        assertThat(refusal(() -> FriendshipRules.answer(request, BOB, true, fromAlice, NOW)))
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal(() -> FriendshipRules.answer(request, CAROL, true, fromAlice, NOW)))
                .isEqualTo(ErrorKind.NOT_FOUND);

        FriendRequest accepted = FriendshipRules.answer(request, ALICE, true, fromAlice, NOW);
        assertThat(accepted.status()).isEqualTo(FriendRequest.Status.ACCEPTED);
        assertThat(accepted.answeredAt()).isEqualTo(NOW);
        assertThat(refusal(() -> FriendshipRules.answer(accepted, ALICE, false, fromAlice, NOW)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        FriendRequest declined = FriendshipRules.answer(request, ALICE, false, fromAlice, NOW);
        assertThat(declined.status()).isEqualTo(FriendRequest.Status.DECLINED);
        assertThat(refusal(() -> FriendshipRules.answer(declined, ALICE, true, fromAlice, NOW)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void a_block_made_after_the_request_stops_its_acceptance_but_not_a_decline() {
        FriendRequest request = FriendRequest.pending("r1", BOB, ALICE, null, NOW.minusSeconds(5));
        Relationship blocked = with(false, true, false, null, request);
        assertThat(refusal(() -> FriendshipRules.answer(request, ALICE, true, blocked, NOW)))
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(FriendshipRules.answer(request, ALICE, false, blocked, NOW).status())
                .isEqualTo(FriendRequest.Status.DECLINED);
    }

    @Test
    void a_block_ends_the_friendship_and_withdraws_the_pending_requests_both_ways() {
        FriendRequest out = FriendRequest.pending("r1", ALICE, BOB, null, NOW.minusSeconds(5));
        FriendRequest in = FriendRequest.pending("r2", BOB, ALICE, null, NOW.minusSeconds(5));
        var outcome = FriendshipRules.block(with(true, false, false, out, in), NOW);
        assertThat(outcome.endsFriendship()).isTrue();
        assertThat(outcome.withdrawn()).extracting(FriendRequest::id).containsExactly("r1", "r2");
        assertThat(outcome.withdrawn()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(FriendRequest.Status.WITHDRAWN);
            assertThat(r.answeredAt()).isEqualTo(NOW);
        });
        assertThat(FriendshipRules.block(aliceAndBob(), NOW))
                .isEqualTo(new FriendshipRules.BlockOutcome(false, java.util.List.of()));
        assertThat(refusal(() -> FriendshipRules.block(Relationship.strangers(ALICE, ALICE), NOW)))
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void answered_requests_do_not_count_as_pending_in_a_relationship() {
        FriendRequest declined = FriendRequest.pending("r1", ALICE, BOB, null, NOW)
                .answered(FriendRequest.Status.DECLINED, NOW);
        Relationship relation = with(false, false, false, declined, null);
        assertThat(relation.outgoing()).isEmpty();
        assertThat(FriendshipRules.request(relation, "r2", null, NOW))
                .isInstanceOf(FriendshipRules.RequestOutcome.Sent.class);
    }
}
