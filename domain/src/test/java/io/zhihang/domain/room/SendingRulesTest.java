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

/** Rules 5–8: every other event needs a joined sender with the required level; user-keyed state is the user's own. */
class SendingRulesTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_member_sends_a_message(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(room.check(room.message(BOB), room.join(ALICE), room.join(BOB)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void somebody_not_in_the_room_cannot_send(RoomVersion version) {
        Events room = Events.in(version);

        assertDenied(room.check(room.message(BOB), room.join(ALICE)), "not in the room");
    }

    @Test
    void an_invited_user_cannot_send_before_joining() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.message(BOB), room.join(ALICE), room.invite(ALICE, BOB)), "not in the room");
    }

    @Test
    void a_user_who_left_cannot_send() {
        Events room = Events.in(RoomVersion.V11);

        assertDenied(room.check(room.message(BOB), room.join(ALICE), room.leave(BOB, BOB)), "not in the room");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_member_below_events_default_cannot_send(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(), "events_default", 10));

        assertDenied(room.check(room.message(BOB), room.join(ALICE), room.join(BOB), levels),
                "needs power level 10");
    }

    @Test
    void an_event_type_level_overrides_events_default() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(BOB, 5), "events_default", 10,
                "events", obj("m.room.message", 5)));

        assertAllowed(room.check(room.message(BOB), room.join(ALICE), room.join(BOB), levels));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void state_events_need_state_default(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(BOB, 49)));
        Pdu topic = room.state("m.room.topic", "", BOB, obj("topic", "news"));

        assertDenied(room.check(topic, room.join(ALICE), room.join(BOB), levels), "needs power level 50");
    }

    @Test
    void an_event_type_level_overrides_state_default() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(), "events", obj("m.room.topic", 0)));
        Pdu topic = room.state("m.room.topic", "", BOB, obj("topic", "news"));

        assertAllowed(room.check(topic, room.join(ALICE), room.join(BOB), levels));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void without_power_levels_the_creator_sets_state_and_others_only_talk(RoomVersion version) {
        Events room = Events.in(version);
        Pdu aliceTopic = room.state("m.room.topic", "", ALICE, obj("topic", "news"));
        Pdu bobTopic = room.state("m.room.topic", "", BOB, obj("topic", "news"));

        assertAllowed(room.check(aliceTopic, room.join(ALICE), room.join(BOB)));
        assertDenied(room.check(bobTopic, room.join(ALICE), room.join(BOB)), "needs power level 50");
        assertAllowed(room.check(room.message(BOB), room.join(ALICE), room.join(BOB)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_state_key_naming_another_user_is_denied(RoomVersion version) {
        Events room = Events.in(version);
        Pdu state = room.state("org.example.status", CAROL, ALICE, obj("status", "away"));

        assertDenied(room.check(state, room.join(ALICE)), "sender's own");
    }

    @Test
    void a_state_key_naming_the_sender_is_allowed() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(), "events", obj("org.example.status", 0)));
        Pdu state = room.state("org.example.status", BOB, BOB, obj("status", "away"));

        assertAllowed(room.check(state, room.join(ALICE), room.join(BOB), levels));
    }

    @Test
    void a_third_party_invite_event_needs_the_invite_level_only() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(BOB, 10), "invite", 10, "state_default", 50));
        Pdu pending = room.state(RoomEventTypes.THIRD_PARTY_INVITE, "token1", BOB, obj("display_name", "x"));

        assertAllowed(room.check(pending, room.join(ALICE), room.join(BOB), levels));
    }

    @Test
    void a_third_party_invite_event_below_the_invite_level_is_denied() {
        Events room = Events.in(RoomVersion.V11);
        Pdu levels = room.powerLevels(room.levels(users(), "invite", 10));
        Pdu pending = room.state(RoomEventTypes.THIRD_PARTY_INVITE, "token1", BOB, obj("display_name", "x"));

        assertDenied(room.check(pending, room.join(ALICE), room.join(BOB), levels), "invite level");
    }

    @Test
    void up_to_v5_an_aliases_event_is_keyed_by_the_senders_server() {
        Events room = Events.in(RoomVersion.V5);
        Pdu own = room.state(RoomEventTypes.ALIASES, "example.org", BOB, obj("aliases", java.util.List.of()));
        Pdu foreign = room.state(RoomEventTypes.ALIASES, "other.example", BOB, obj("aliases", java.util.List.of()));

        assertAllowed(room.check(own));
        assertDenied(room.check(foreign), "sender's server");
    }

    @Test
    void from_v6_an_aliases_event_is_an_ordinary_state_event() {
        Events room = Events.in(RoomVersion.V6);
        Pdu aliases = room.state(RoomEventTypes.ALIASES, "example.org", BOB, obj("aliases", java.util.List.of()));

        assertDenied(room.check(aliases), "not in the room");
    }
}
