package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;

class KnockRulesTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_stranger_knocks_on_a_knock_room(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock")));
    }

    @Test
    void a_stranger_knocks_on_a_knock_restricted_room() {
        Events room = Events.in(RoomVersion.V10);

        assertAllowed(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock_restricted")));
    }

    @Test
    void a_user_who_left_may_knock_again() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock"),
                room.leave(BOB, BOB)));
    }

    @Test
    void nobody_knocks_on_a_public_room() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("public")), "knocking");
    }

    @Test
    void nobody_knocks_for_somebody_else() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.member(ALICE, BOB, "knock"), room.join(ALICE), room.joinRules("knock")),
                "another user");
    }

    @Test
    void a_banned_user_cannot_knock() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock"), room.ban(ALICE, BOB)),
                "banned");
    }

    @Test
    void an_invited_user_has_no_need_to_knock() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock"),
                room.invite(ALICE, BOB)), "already invited");
    }

    @Test
    void a_member_cannot_knock() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock"), room.join(BOB)),
                "already in the room");
    }

    @Test
    void before_v7_knock_is_a_membership_the_version_lacks() {
        Events room = Events.in(RoomVersion.V6);

        assertDenied(room.check(room.knock(BOB), room.join(ALICE), room.joinRules("knock")),
                "Room version 6 does not support the membership knock");
    }

    @Test
    void a_knocking_user_may_take_back_the_knock() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.leave(BOB, BOB), room.join(ALICE), room.joinRules("knock"), room.knock(BOB)));
    }
}
