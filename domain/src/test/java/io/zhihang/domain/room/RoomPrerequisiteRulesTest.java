package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.DAVE;
import static io.zhihang.domain.room.Events.obj;

/** What every event but the create event needs: a create event, one room, and (with m.federate false) one server. */
class RoomPrerequisiteRulesTest {

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void an_event_is_denied_when_the_state_has_no_create_event(RoomVersion version) {
        Events room = Events.in(version);
        Pdu aliceJoin = room.join(ALICE);

        Decision decision = EventAuthRules.check(room.message(ALICE), AuthState.of(List.of(aliceJoin)), version);

        assertDenied(decision, "no m.room.create");
    }

    @Test
    void in_v12_the_room_id_must_be_the_create_event_id_with_a_bang() {
        Events room = Events.in(RoomVersion.V12);
        Pdu message = Events.from(room.message(ALICE)).set("room_id", "!another").build();

        assertDenied(room.check(message, room.join(ALICE)), "create event");
    }

    @Test
    void in_v12_an_event_in_the_room_named_after_the_create_event_is_allowed() {
        Events room = Events.in(RoomVersion.V12);

        assertAllowed(room.check(room.message(ALICE), room.join(ALICE)));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void state_from_another_room_is_not_used_to_authorise(RoomVersion version) {
        Events room = Events.in(version);
        Pdu joinElsewhere = Events.from(room.join(ALICE)).set("room_id", "!elsewhere:example.org").build();

        assertDenied(room.check(room.message(ALICE), joinElsewhere), "another room");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void an_unfederated_room_refuses_users_of_other_servers(RoomVersion version) {
        Events room = Events.in(version);
        Pdu create = Events.from(room.create()).content(room.create().content().with("m.federate",
                Events.json(false))).build();
        AuthState state = AuthState.of(List.of(create, room.join(ALICE), room.joinRules("public")));

        assertDenied(EventAuthRules.check(room.join(DAVE), state, version), "not federated");
        assertAllowed(EventAuthRules.check(room.join(BOB), state, version));
    }

    @Test
    void an_event_without_sender_is_denied() {
        Events room = Events.in(RoomVersion.V11);
        Pdu anonymous = Events.from(room.message(ALICE)).without("sender").build();

        assertDenied(room.check(anonymous, room.join(ALICE)), "sender");
    }

    @Test
    void auth_events_with_two_events_for_one_state_key_are_denied() {
        Events room = Events.in(RoomVersion.V11);
        Pdu pl1 = room.powerLevels(obj());
        Pdu pl2 = room.powerLevels(obj("ban", 60));

        Decision decision = EventAuthRules.checkAuthEvents(room.message(ALICE),
                List.of(room.create(), room.join(ALICE), pl1, pl2), RoomVersion.V11);

        assertDenied(decision, "two auth events");
    }

    @Test
    void auth_events_outside_the_selection_are_denied() {
        Events room = Events.in(RoomVersion.V11);

        Decision decision = EventAuthRules.checkAuthEvents(room.message(ALICE),
                List.of(room.create(), room.join(ALICE), room.joinRules("public")), RoomVersion.V11);

        assertDenied(decision, "may cite");
    }

    @Test
    void before_v12_auth_events_must_include_the_create_event() {
        Events room = Events.in(RoomVersion.V11);

        Decision decision = EventAuthRules.checkAuthEvents(room.message(ALICE), List.of(room.join(ALICE)),
                RoomVersion.V11);

        assertDenied(decision, "no m.room.create");
    }

    @Test
    void in_v12_auth_events_must_not_include_the_create_event() {
        Events room = Events.in(RoomVersion.V12);

        assertDenied(EventAuthRules.checkAuthEvents(room.message(ALICE), List.of(room.create(), room.join(ALICE)),
                RoomVersion.V12), "may cite");
        assertAllowed(EventAuthRules.checkAuthEvents(room.message(ALICE), List.of(room.join(ALICE)),
                RoomVersion.V12));
    }

    @Test
    void auth_events_from_another_room_are_denied() {
        Events room = Events.in(RoomVersion.V11);
        Pdu joinElsewhere = Events.from(room.join(ALICE)).set("room_id", "!elsewhere:example.org").build();

        Decision decision = EventAuthRules.checkAuthEvents(room.message(ALICE),
                List.of(room.create(), joinElsewhere), RoomVersion.V11);

        assertDenied(decision, "another room");
    }

    @Test
    void the_create_event_has_no_auth_events() {
        Events room = Events.in(RoomVersion.V11);

        assertAllowed(EventAuthRules.checkAuthEvents(room.create(), List.of(), RoomVersion.V11));
        assertDenied(EventAuthRules.checkAuthEvents(room.create(), List.of(room.join(ALICE)), RoomVersion.V11),
                "auth events");
    }
}
