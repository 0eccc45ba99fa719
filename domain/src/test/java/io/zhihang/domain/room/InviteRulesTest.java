package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;

class InviteRulesTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_member_invites_a_stranger(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.invite(ALICE, BOB), room.join(ALICE), room.joinRules("invite")));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void somebody_not_in_the_room_cannot_invite(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.invite(CAROL, BOB), room.join(ALICE), room.invite(ALICE, CAROL)),
                "not in the room");
    }

    @Test
    void a_member_cannot_be_invited() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.invite(ALICE, BOB), room.join(ALICE), room.join(BOB)), "already in the room");
    }

    @Test
    void a_banned_user_cannot_be_invited() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.invite(ALICE, BOB), room.join(ALICE), room.ban(ALICE, BOB)), "banned");
    }

    @Test
    void a_user_who_left_can_be_invited_back() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.invite(ALICE, BOB), room.join(ALICE), room.leave(BOB, BOB)));
    }

    @Test
    void an_invited_user_can_be_invited_again() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.invite(ALICE, BOB), room.join(ALICE), room.invite(ALICE, BOB)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_member_below_the_invite_level_cannot_invite(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 10), "invite", 20));

        assertDenied(room.check(room.invite(CAROL, BOB), room.join(ALICE), room.join(CAROL), levels),
                "invite level");
    }

    @Test
    void a_member_at_the_invite_level_can_invite() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(CAROL, 20), "invite", 20));

        assertAllowed(room.check(room.invite(CAROL, BOB), room.join(ALICE), room.join(CAROL), levels));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_well_formed_third_party_invite_is_refused_because_we_do_not_verify_them(RoomVersion version) {
        Events room = Events.in(version);
        Pdu pending = room.state(RoomEventTypes.THIRD_PARTY_INVITE, "token1", ALICE,
                obj("display_name", "b...@example.com", "public_key", "AAAA"));

        assertDenied(room.check(thirdPartyInvite(room, obj("mxid", BOB, "token", "token1", "signatures", obj())),
                room.join(ALICE), pending), "third-party invites are not supported");
    }

    @Test
    void a_third_party_invite_without_signed_is_refused() {
        Events room = Events.in(RoomVersion.V11);
        Pdu invite = room.memberBuilder(ALICE, BOB, "invite", obj("third_party_invite", obj())).build();

        assertDenied(room.check(invite, room.join(ALICE)), "not signed");
    }

    @Test
    void a_third_party_invite_for_another_user_is_refused() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(thirdPartyInvite(room, obj("mxid", CAROL, "token", "token1")), room.join(ALICE)),
                "not " + BOB);
    }

    @Test
    void a_third_party_invite_without_a_pending_invite_event_is_refused() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(thirdPartyInvite(room, obj("mxid", BOB, "token", "token1")), room.join(ALICE)),
                "no m.room.third_party_invite");
    }

    @Test
    void a_third_party_invite_to_a_banned_user_is_refused() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(thirdPartyInvite(room, obj("mxid", BOB, "token", "token1")), room.join(ALICE),
                room.ban(ALICE, BOB)), "banned");
    }

    private static Pdu thirdPartyInvite(Events room, JsonObject signed) {
        return room.memberBuilder(ALICE, BOB, "invite",
                obj("third_party_invite", obj("display_name", "b...@example.com", "signed", signed))).build();
    }
}
