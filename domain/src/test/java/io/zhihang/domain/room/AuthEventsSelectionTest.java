package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthEventsSelectionTest {
    private final Events room = Events.in(RoomVersion.V11);

    @Test
    void the_create_event_cites_nothing() {
        assertThat(AuthState.authTypesFor(room.create(), RoomVersion.V11)).isEmpty();
    }

    @Test
    void a_message_cites_the_create_event_the_power_levels_and_the_senders_membership() {
        assertThat(AuthState.authTypesFor(room.message(BOB), RoomVersion.V11))
                .containsExactlyInAnyOrder(StateKey.CREATE, StateKey.POWER_LEVELS, StateKey.member(BOB));
    }

    @Test
    void in_v12_nothing_cites_the_create_event_but_the_checks_still_need_it() {
        Events v12 = Events.in(RoomVersion.V12);
        Pdu message = v12.message(BOB);

        assertThat(AuthState.authTypesFor(message, RoomVersion.V12))
                .containsExactlyInAnyOrder(StateKey.POWER_LEVELS, StateKey.member(BOB));
        assertThat(AuthState.requiredStateFor(message, RoomVersion.V12)).contains(StateKey.CREATE);
    }

    @Test
    void a_join_also_cites_the_join_rules_and_the_targets_membership() {
        assertThat(AuthState.authTypesFor(room.join(BOB), RoomVersion.V11))
                .containsExactlyInAnyOrder(StateKey.CREATE, StateKey.POWER_LEVELS, StateKey.member(BOB),
                        StateKey.JOIN_RULES);
    }

    @Test
    void an_invite_cites_the_join_rules_and_both_memberships() {
        assertThat(AuthState.authTypesFor(room.invite(ALICE, BOB), RoomVersion.V11))
                .containsExactlyInAnyOrder(StateKey.CREATE, StateKey.POWER_LEVELS, StateKey.member(ALICE),
                        StateKey.member(BOB), StateKey.JOIN_RULES);
    }

    @Test
    void a_kick_does_not_cite_the_join_rules() {
        assertThat(AuthState.authTypesFor(room.leave(ALICE, BOB), RoomVersion.V11))
                .containsExactlyInAnyOrder(StateKey.CREATE, StateKey.POWER_LEVELS, StateKey.member(ALICE),
                        StateKey.member(BOB));
    }

    @Test
    void a_third_party_invite_cites_the_invite_named_by_its_token() {
        Pdu invite = room.memberBuilder(ALICE, BOB, "invite",
                obj("third_party_invite", obj("signed", obj("mxid", BOB, "token", "abc")))).build();

        assertThat(AuthState.authTypesFor(invite, RoomVersion.V11)).contains(StateKey.thirdPartyInvite("abc"));
    }

    @Test
    void a_restricted_join_cites_the_authorising_users_membership() {
        Pdu join = room.memberBuilder(BOB, BOB, "join", obj(EventAuthRules.AUTHORISING_USER, CAROL)).build();

        assertThat(AuthState.authTypesFor(join, RoomVersion.V11)).contains(StateKey.member(CAROL));
        assertThat(AuthState.authTypesFor(join, RoomVersion.V7)).doesNotContain(StateKey.member(CAROL));
    }

    @Test
    void state_cannot_hold_two_events_for_one_key() {
        assertThatThrownBy(() -> AuthState.of(List.of(room.join(BOB), room.leave(BOB, BOB))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void state_holds_state_events_only() {
        assertThatThrownBy(() -> AuthState.of(List.of(room.message(BOB))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_later_state_event_replaces_the_one_with_its_key() {
        AuthState state = room.room(room.join(BOB)).with(room.leave(BOB, BOB));

        assertThat(state.membershipOf(BOB)).contains(Membership.LEAVE);
        assertThat(state.membershipOf(CAROL)).isEmpty();
    }
}
