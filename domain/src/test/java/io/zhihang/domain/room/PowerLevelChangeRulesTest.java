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

/** Rule 9 (v12: 10): who may change what in {@code m.room.power_levels}. Carol is a moderator at 50 throughout. */
class PowerLevelChangeRulesTest {

    private static Decision change(Events room, Pdu proposed) {
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50, BOB, 10), "events", obj("m.room.topic", 50)));
        return room.check(proposed, room.join(ALICE), room.join(BOB), room.join(CAROL), current);
    }

    private static Pdu byCarol(Events room, Object[] users, Object... other) {
        return room.powerLevels(CAROL, room.levels(users, other));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void the_first_power_levels_event_is_allowed_from_the_creator(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.powerLevels(room.levels(users(BOB, 50))), room.join(ALICE)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void from_v10_a_threshold_given_as_a_string_is_denied(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.powerLevels(room.levels(users(), "ban", "50")), room.join(ALICE)),
                "'ban' is not an integer");
    }

    @Test
    void from_v10_a_user_level_given_as_a_string_is_denied() {
        Events room = Events.in(RoomVersion.V10);

        assertDenied(room.check(room.powerLevels(room.levels(users(BOB, "50"))), room.join(ALICE)), "'users'");
    }

    @Test
    void from_v10_an_event_level_given_as_a_string_is_denied() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.powerLevels(room.levels(users(), "events", obj("m.room.topic", "50"))),
                room.join(ALICE)), "'events'");
    }

    @Test
    void from_v10_a_notification_level_given_as_a_string_is_denied() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.powerLevels(room.levels(users(), "notifications", obj("room", "50"))),
                room.join(ALICE)), "'notifications'");
    }

    @Test
    void before_v10_levels_given_as_integer_strings_are_accepted() {
        Events room = Events.in(RoomVersion.V9);
        Pdu levels = room.powerLevels(room.levels(users(BOB, " +050 "), "ban", "50", "events",
                obj("m.room.topic", "-1")));

        assertAllowed(room.check(levels, room.join(ALICE)));
    }

    @Test
    void before_v10_a_string_that_is_no_integer_is_denied() {
        Events room = Events.in(RoomVersion.V9);

        assertDenied(room.check(room.powerLevels(room.levels(users(BOB, "5.5"))), room.join(ALICE)), "'users'");
    }

    @Test
    void users_must_be_an_object() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(obj("users", java.util.List.of(ALICE)));

        assertDenied(room.check(levels, room.join(ALICE)), "'users'");
    }

    @Test
    void users_must_be_keyed_by_valid_user_ids() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.powerLevels(room.levels(users("bob", 10))), room.join(ALICE)),
                "invalid user id");
    }

    @Test
    void events_must_be_an_object() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.powerLevels(room.levels(users(), "events", 5)), room.join(ALICE)), "'events'");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_moderator_cannot_raise_themselves_above_their_level(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(change(room, byCarol(room, users(CAROL, 60, BOB, 10), "events", obj("m.room.topic", 50))),
                "above your level");
    }

    @Test
    void a_moderator_lowers_themselves() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(change(room, byCarol(room, users(CAROL, 20, BOB, 10), "events", obj("m.room.topic", 50))));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_moderator_promotes_a_member_up_to_their_own_level(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(change(room, byCarol(room, users(CAROL, 50, BOB, 50), "events", obj("m.room.topic", 50))));
    }

    @Test
    void a_moderator_cannot_promote_a_member_above_their_own_level() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(change(room, byCarol(room, users(CAROL, 50, BOB, 51), "events", obj("m.room.topic", 50))),
                "above your level");
    }

    @Test
    void a_moderator_cannot_demote_a_peer() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50, BOB, 50)));
        Pdu demotion = byCarol(room, users(CAROL, 50, BOB, 0));

        assertDenied(room.check(demotion, room.join(ALICE), room.join(BOB), room.join(CAROL), current),
                "not below your level");
    }

    @Test
    void a_moderator_cannot_remove_the_admin() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50)));
        Pdu withoutAlice = room.powerLevels(CAROL, obj("users", obj(CAROL, 50)));

        assertDenied(room.check(withoutAlice, room.join(ALICE), room.join(CAROL), current), "not below your level");
    }

    @Test
    void a_moderator_demotes_a_lower_member() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(change(room, byCarol(room, users(CAROL, 50), "events", obj("m.room.topic", 50))));
    }

    @Test
    void a_moderator_cannot_set_a_threshold_above_their_level() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(change(room, byCarol(room, users(CAROL, 50, BOB, 10), "events", obj("m.room.topic", 50),
                "kick", 60)), "'kick' to 60");
    }

    @Test
    void a_moderator_cannot_change_a_threshold_that_is_above_their_level() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50), "ban", 80));
        Pdu lowerBan = byCarol(room, users(CAROL, 50), "ban", 50);

        assertDenied(room.check(lowerBan, room.join(ALICE), room.join(CAROL), current), "'ban' from 80");
    }

    @Test
    void a_moderator_cannot_remove_a_threshold_that_is_above_their_level() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50), "ban", 80));
        Pdu defaultBan = byCarol(room, users(CAROL, 50));

        assertDenied(room.check(defaultBan, room.join(ALICE), room.join(CAROL), current), "'ban' from 80");
    }

    @Test
    void a_moderator_changes_an_event_level_within_their_level() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(change(room, byCarol(room, users(CAROL, 50, BOB, 10), "events", obj("m.room.topic", 20,
                "m.room.name", 50))));
    }

    @Test
    void a_moderator_cannot_change_an_event_level_above_their_level() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50), "events", obj("m.room.tombstone", 100)));
        Pdu change = byCarol(room, users(CAROL, 50), "events", obj("m.room.tombstone", 50));

        assertDenied(room.check(change, room.join(ALICE), room.join(CAROL), current),
                "'m.room.tombstone' from 100");
    }

    @Test
    void a_moderator_cannot_set_an_event_level_above_their_level() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(change(room, byCarol(room, users(CAROL, 50, BOB, 10), "events", obj("m.room.topic", 50,
                "m.room.name", 51))), "'m.room.name' to 51");
    }

    @Test
    void from_v6_a_notification_level_above_the_senders_is_denied() {
        Events room = Events.in(RoomVersion.V6);

        assertDenied(change(room, byCarol(room, users(CAROL, 50, BOB, 10), "events", obj("m.room.topic", 50),
                "notifications", obj("room", 60))), "notifications 'room' to 60");
    }

    @Test
    void before_v6_notification_levels_are_not_checked() {
        Events room = Events.in(RoomVersion.V5);

        assertAllowed(change(room, byCarol(room, users(CAROL, 50, BOB, 10), "events", obj("m.room.topic", 50),
                "notifications", obj("room", 60))));
    }

    @Test
    void an_unchanged_value_above_the_senders_level_is_no_alteration() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50), "ban", 80));
        Pdu addBob = byCarol(room, users(CAROL, 50, BOB, 10), "ban", 80);

        assertAllowed(room.check(addBob, room.join(ALICE), room.join(CAROL), current));
    }

    @Test
    void before_v10_a_string_and_an_integer_of_the_same_value_are_no_alteration() {
        Events room = Events.in(RoomVersion.V9);
        Pdu current = room.powerLevels(room.levels(users(CAROL, 50), "ban", 80));
        Pdu same = byCarol(room, users(CAROL, "50"), "ban", "080");

        assertAllowed(room.check(same, room.join(ALICE), room.join(CAROL), current));
    }

    @Test
    void a_member_needs_the_power_levels_event_level_to_send_one_at_all() {
        Events room = Events.in(RoomVersion.V11);
        Pdu current = room.powerLevels(room.levels(users(BOB, 10)));
        Pdu bobs = room.powerLevels(BOB, room.levels(users(BOB, 10)));

        assertDenied(room.check(bobs, room.join(ALICE), room.join(BOB), current), "needs power level 50");
    }
}
