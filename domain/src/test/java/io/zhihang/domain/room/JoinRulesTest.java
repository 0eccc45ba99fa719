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
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;

class JoinRulesTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void the_creator_joins_right_after_the_create_event(RoomVersion version) {
        Events room = Events.in(version);
        Pdu firstJoin = Events.from(room.join(ALICE)).prevEvents(Events.CREATE_ID).build();

        assertAllowed(room.check(firstJoin));
    }

    @Test
    void in_v10_the_first_join_is_for_content_creator_not_the_create_sender() {
        Events room = Events.in(RoomVersion.V10);
        Pdu create = Events.from(room.create()).content(obj("creator", BOB, "room_version", "10")).build();
        Pdu aliceFirst = Events.from(room.join(ALICE)).prevEvents(Events.CREATE_ID).build();
        Pdu bobFirst = Events.from(room.join(BOB)).prevEvents(Events.CREATE_ID).build();

        assertDenied(EventAuthRules.check(aliceFirst, AuthState.of(java.util.List.of(create)), RoomVersion.V10),
                "not invited");
        assertAllowed(EventAuthRules.check(bobFirst, AuthState.of(java.util.List.of(create)), RoomVersion.V10));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void somebody_else_cannot_take_the_creators_first_join(RoomVersion version) {
        Events room = Events.in(version);
        Pdu bobFirst = Events.from(room.join(BOB)).prevEvents(Events.CREATE_ID).build();

        assertDenied(room.check(bobFirst), "not invited");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void anyone_joins_a_public_room(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.join(BOB), room.join(ALICE), room.joinRules("public")));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void nobody_can_join_on_behalf_of_another_user(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.member(ALICE, BOB, "join"), room.join(ALICE), room.joinRules("public")),
                "another user");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_banned_user_cannot_join_even_a_public_room(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("public"), room.ban(ALICE, BOB)),
                "banned");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void an_invite_only_room_refuses_a_join_without_invite(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("invite")), "not invited");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void an_invited_user_joins_an_invite_only_room(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.join(BOB), room.join(ALICE), room.joinRules("invite"),
                room.invite(ALICE, BOB)));
    }

    @Test
    void a_joined_user_may_join_again_to_change_their_profile() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.join(BOB), room.join(ALICE), room.joinRules("invite"), room.join(BOB)));
    }

    @Test
    void a_user_who_left_needs_a_new_invite() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("invite"), room.leave(BOB, BOB)),
                "not invited");
    }

    @Test
    void a_room_without_join_rules_is_invite_only() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.join(BOB), room.join(ALICE)), "not invited");
        assertAllowed(room.check(room.join(BOB), room.join(ALICE), room.invite(ALICE, BOB)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_knock_room_lets_in_invited_users_only(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("knock"), room.knock(BOB)),
                "not invited");
        assertAllowed(room.check(room.join(BOB), room.join(ALICE), room.joinRules("knock"),
                room.invite(ALICE, BOB)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_restricted_join_without_authorising_user_is_refused(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("restricted")),
                EventAuthRules.AUTHORISING_USER);
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_restricted_join_authorised_by_a_member_who_may_invite_is_allowed(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(restrictedJoin(room, BOB, ALICE), room.join(ALICE), room.joinRules("restricted")));
    }

    @Test
    void a_restricted_join_authorised_by_somebody_not_in_the_room_is_refused() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(restrictedJoin(room, BOB, CAROL), room.join(ALICE), room.joinRules("restricted"),
                room.leave(CAROL, CAROL)), "not in the room");
    }

    @Test
    void a_restricted_join_authorised_by_a_member_who_may_not_invite_is_refused() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(), "invite", 50));

        assertDenied(room.check(restrictedJoin(room, BOB, CAROL), room.join(ALICE), room.join(CAROL), levels,
                room.joinRules("restricted")), "may not invite");
    }

    @Test
    void an_invited_user_joins_a_restricted_room_without_authorising_user() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(room.check(room.join(BOB), room.join(ALICE), room.joinRules("restricted"),
                room.invite(ALICE, BOB)));
    }

    @Test
    void from_v10_knock_restricted_also_takes_authorised_joins() {
        Events room = Events.in(RoomVersion.V10);

        assertAllowed(room.check(restrictedJoin(room, BOB, ALICE), room.join(ALICE),
                room.joinRules("knock_restricted")));
    }

    @Test
    void before_v10_knock_restricted_is_an_unknown_rule_and_lets_nobody_in() {
        Events room = Events.in(RoomVersion.V9);

        assertDenied(room.check(restrictedJoin(room, BOB, ALICE), room.join(ALICE),
                room.joinRules("knock_restricted")), "join rule");
    }

    @Test
    void before_v8_restricted_is_an_unknown_rule() {
        Events room = Events.in(RoomVersion.V7);

        assertDenied(room.check(restrictedJoin(room, BOB, ALICE), room.join(ALICE), room.joinRules("restricted")),
                "join rule");
    }

    @Test
    void the_private_join_rule_lets_nobody_join_not_even_the_invited() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("private"),
                room.invite(ALICE, BOB)), "private");
    }

    @Test
    void an_unknown_join_rule_lets_nobody_join() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.join(BOB), room.join(ALICE), room.joinRules("everyone_welcome"),
                room.invite(ALICE, BOB)), "join rule");
    }

    private static Pdu restrictedJoin(Events room, String user, String authoriser) {
        return room.memberBuilder(user, user, "join", obj(EventAuthRules.AUTHORISING_USER, authoriser)).build();
    }
}
