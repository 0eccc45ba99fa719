package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.DAVE;
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;
import static org.assertj.core.api.Assertions.assertThat;

/** v12: the create sender and {@code additional_creators} have infinite power and are never in {@code users}. */
class RoomVersion12CreatorRulesTest {
    private final Events room = Events.withAdditionalCreators(RoomVersion.V12, DAVE);

    @Test
    void the_creators_are_the_create_sender_and_the_additional_creators() {
        AuthState state = room.room();

        assertThat(state.creators(RoomVersion.V12)).containsExactlyInAnyOrder(ALICE, DAVE);
        assertThat(state.powerLevels(RoomVersion.V12).userLevel(ALICE)).isEqualTo(PowerLevels.INFINITE);
        assertThat(state.powerLevels(RoomVersion.V12).userLevel(DAVE)).isEqualTo(PowerLevels.INFINITE);
        assertThat(state.powerLevels(RoomVersion.V12).userLevel(BOB)).isZero();
    }

    @Test
    void before_v12_additional_creators_are_ordinary_users() {
        Events v11 = Events.in(RoomVersion.V11);
        Pdu create = Events.from(v11.create()).content(obj("room_version", "11",
                "additional_creators", java.util.List.of(DAVE))).build();
        AuthState state = AuthState.of(java.util.List.of(create));

        assertThat(state.creators(RoomVersion.V11)).containsExactly(ALICE);
        assertThat(state.powerLevels(RoomVersion.V11).userLevel(DAVE)).isZero();
    }

    @Test
    void a_power_levels_event_may_not_list_the_create_sender() {
        Pdu levels = room.powerLevels(obj("users", obj(ALICE, 100)));

        assertDenied(room.check(levels, room.join(ALICE)), "may not name the room creator " + ALICE);
    }

    @Test
    void a_power_levels_event_may_not_list_an_additional_creator() {
        Pdu levels = room.powerLevels(obj("users", obj(DAVE, 100, BOB, 50)));

        assertDenied(room.check(levels, room.join(ALICE)), "may not name the room creator " + DAVE);
    }

    @Test
    void a_creator_outranks_any_level_a_power_levels_event_can_give() {
        Pdu current = room.powerLevels(obj("users", obj(BOB, 9_007_199_254_740_991L)));

        assertAllowed(room.check(room.ban(ALICE, BOB), room.join(ALICE), room.join(BOB), current));
        assertDenied(room.check(room.ban(BOB, ALICE), room.join(ALICE), room.join(BOB), current), "not below yours");
    }

    @Test
    void an_admin_at_100_cannot_kick_or_ban_a_creator() {
        Pdu current = room.powerLevels(room.levels(users(BOB, 100)));

        assertDenied(room.check(room.leave(BOB, DAVE), room.join(ALICE), room.join(BOB), room.join(DAVE), current),
                "not below yours");
        assertDenied(room.check(room.ban(BOB, ALICE), room.join(ALICE), room.join(BOB), current), "not below yours");
    }

    @Test
    void an_additional_creator_demotes_an_admin_the_creator_promoted() {
        Pdu current = room.powerLevels(room.levels(users(BOB, 100)));
        Pdu demotion = room.powerLevels(DAVE, room.levels(users(BOB, 0)));

        assertAllowed(room.check(demotion, room.join(ALICE), room.join(BOB), room.join(DAVE), current));
    }

    @Test
    void an_admin_cannot_demote_another_admin_at_the_same_level() {
        Pdu current = room.powerLevels(room.levels(users(BOB, 100, CAROL, 100)));
        Pdu demotion = room.powerLevels(BOB, room.levels(users(BOB, 100, CAROL, 0)));

        assertDenied(room.check(demotion, room.join(ALICE), room.join(BOB), room.join(CAROL), current),
                "not below your level");
    }

    @Test
    void a_creator_sets_thresholds_above_100() {
        Pdu current = room.powerLevels(room.levels(users(BOB, 100)));
        Pdu raised = room.powerLevels(ALICE, room.levels(users(BOB, 100), "events", obj("m.room.tombstone", 150),
                "ban", 1000));

        assertAllowed(room.check(raised, room.join(ALICE), room.join(BOB), current));
    }

    @Test
    void creators_cannot_kick_each_other() {
        assertDenied(room.check(room.leave(ALICE, DAVE), room.join(ALICE), room.join(DAVE)), "not below yours");
    }

    @Test
    void only_the_create_sender_gets_the_first_join() {
        Pdu aliceFirst = Events.from(room.join(ALICE)).prevEvents(Events.CREATE_ID).build();
        Pdu daveFirst = Events.from(room.join(DAVE)).prevEvents(Events.CREATE_ID).build();

        assertAllowed(room.check(aliceFirst));
        assertDenied(room.check(daveFirst), "not invited");
    }

    @Test
    void a_creator_with_infinite_power_may_authorise_restricted_joins() {
        Pdu levels = room.powerLevels(room.levels(users(), "invite", 100));
        Pdu join = room.memberBuilder(BOB, BOB, "join", obj(EventAuthRules.AUTHORISING_USER, DAVE)).build();

        assertAllowed(room.check(join, room.join(ALICE), room.join(DAVE), levels, room.joinRules("restricted")));
    }

    @Test
    void a_creator_may_send_anything_whatever_its_required_level() {
        Pdu levels = room.powerLevels(room.levels(users(), "events", obj("m.room.tombstone", 9_007_199_254_740_991L)));
        Pdu tombstone = room.state("m.room.tombstone", "", DAVE, obj("body", "moved"));

        assertAllowed(room.check(tombstone, room.join(ALICE), room.join(DAVE), levels));
    }
}
