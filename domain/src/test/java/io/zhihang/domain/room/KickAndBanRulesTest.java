package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.users;

/** Leaving, kicking, banning and unbanning ({@code leave} and {@code ban} memberships). */
class KickAndBanRulesTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_member_leaves(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.leave(BOB, BOB), room.join(ALICE), room.join(BOB)));
    }

    @Test
    void an_invited_user_rejects_the_invite() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.leave(BOB, BOB), room.join(ALICE), room.invite(ALICE, BOB)));
    }

    @Test
    void a_stranger_cannot_leave() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.leave(BOB, BOB), room.join(ALICE)), "not in");
    }

    @Test
    void a_banned_user_cannot_lift_their_own_ban_by_leaving() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.leave(BOB, BOB), room.join(ALICE), room.ban(ALICE, BOB)), "not in");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_moderator_kicks_a_lower_member(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertAllowed(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL),
                levels));
    }

    @Test
    void a_moderator_cannot_kick_a_member_at_the_same_level() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(BOB, 50, CAROL, 50)));

        assertDenied(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL), levels),
                "not below yours");
    }

    @Test
    void a_member_below_the_kick_level_cannot_kick() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 40)));

        assertDenied(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL), levels),
                "kicking needs power level 50");
    }

    @Test
    void the_kick_level_comes_from_the_power_levels() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 10), "kick", 10));

        assertAllowed(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL),
                levels));
    }

    @Test
    void somebody_who_left_cannot_kick() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertDenied(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(BOB), room.leave(CAROL, CAROL),
                levels), "not in the room");
    }

    @Test
    void a_moderator_withdraws_an_invite() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertAllowed(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.invite(ALICE, BOB),
                room.join(CAROL), levels));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_moderator_bans_a_lower_member(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertAllowed(room.check(room.ban(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL), levels));
    }

    @Test
    void a_user_who_never_joined_can_be_banned_pre_emptively() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.ban(ALICE, BOB), room.join(ALICE)));
    }

    @Test
    void a_member_below_the_ban_level_cannot_ban() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 40)));

        assertDenied(room.check(room.ban(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL), levels),
                "banning needs power level 50");
    }

    @Test
    void a_moderator_cannot_ban_the_admin() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertDenied(room.check(room.ban(CAROL, ALICE), room.join(ALICE), room.join(CAROL), levels),
                "not below yours");
    }

    @Test
    void a_moderator_cannot_ban_a_peer() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(BOB, 50, CAROL, 50)));

        assertDenied(room.check(room.ban(CAROL, BOB), room.join(ALICE), room.join(BOB), room.join(CAROL), levels),
                "not below yours");
    }

    @Test
    void somebody_not_in_the_room_cannot_ban() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertDenied(room.check(room.ban(CAROL, BOB), room.join(ALICE), room.join(BOB), levels), "not in the room");
    }

    @Test
    void unbanning_needs_the_ban_level() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 60), "ban", 70, "kick", 50));

        assertDenied(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(CAROL), room.ban(ALICE, BOB),
                levels), "unbanning needs power level 70");
    }

    @Test
    void unbanning_also_needs_the_kick_level() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 60), "ban", 50, "kick", 70));

        assertDenied(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(CAROL), room.ban(ALICE, BOB),
                levels), "kicking needs power level 70");
    }

    @Test
    void a_moderator_with_ban_and_kick_levels_unbans() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 50)));

        assertAllowed(room.check(room.leave(CAROL, BOB), room.join(ALICE), room.join(CAROL), room.ban(ALICE, BOB),
                levels));
    }
}
