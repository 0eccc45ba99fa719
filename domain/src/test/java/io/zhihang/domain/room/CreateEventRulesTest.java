package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.array;
import static io.zhihang.domain.room.Events.obj;

class CreateEventRulesTest {

    private static Decision check(Events room, Pdu create) {
        return EventAuthRules.check(create, AuthState.empty(), room.version());
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_well_formed_create_event_is_allowed_without_any_state(RoomVersion version) {
        Events room = Events.in(version);

        assertAllowed(check(room, room.create()));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_create_event_with_previous_events_is_denied(RoomVersion version) {
        Events room = Events.in(version);
        Pdu create = Events.from(room.create()).prevEvents("$earlier").build();

        assertDenied(check(room, create), "previous events");
    }

    @Test
    void before_v12_the_room_id_must_be_on_the_senders_server() {
        Events room = Events.in(RoomVersion.V11);
        Pdu create = Events.from(room.create()).set("room_id", "!room:elsewhere.example").build();

        assertDenied(check(room, create), "domain");
    }

    @Test
    void before_v12_a_create_event_without_room_id_is_denied() {
        Events room = Events.in(RoomVersion.V10);
        Pdu create = Events.from(room.create()).without("room_id").build();

        assertDenied(check(room, create), "domain");
    }

    @Test
    void in_v12_a_create_event_with_a_room_id_is_denied() {
        Events room = Events.in(RoomVersion.V12);
        Pdu create = Events.from(room.create()).set("room_id", "!room:example.org").build();

        assertDenied(check(room, create), "room_id");
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void an_unknown_room_version_is_denied(RoomVersion version) {
        Events room = Events.in(version);
        Pdu create = withContent(room, room.create().content().with("room_version", Events.json("13.mystery")));

        assertDenied(check(room, create), "room version");
    }

    @Test
    void a_room_version_that_is_not_a_string_is_denied() {
        Events room = Events.in(RoomVersion.V11);
        Pdu create = withContent(room, obj("room_version", 11));

        assertDenied(check(room, create), "room version");
    }

    @Test
    void a_create_event_without_room_version_is_allowed() {
        Events room = Events.in(RoomVersion.V11);
        Pdu create = withContent(room, JsonObject.EMPTY);

        assertAllowed(check(room, create));
    }

    @Test
    void in_v10_a_create_event_needs_content_creator() {
        Events room = Events.in(RoomVersion.V10);
        Pdu create = withContent(room, obj("room_version", "10"));

        assertDenied(check(room, create), "creator");
    }

    @Test
    void from_v11_the_creator_is_the_sender_and_content_creator_is_not_needed() {
        Events room = Events.in(RoomVersion.V11);
        Pdu create = withContent(room, obj("room_version", "11"));

        assertAllowed(check(room, create));
    }

    @Test
    void in_v12_additional_creators_must_be_valid_user_ids() {
        Events room = Events.in(RoomVersion.V12);

        assertDenied(check(room, withContent(room, obj("additional_creators", array("@bob:example.org", "bob")))),
                "additional_creators");
        assertDenied(check(room, withContent(room, obj("additional_creators", array(7)))), "additional_creators");
        assertDenied(check(room, withContent(room, obj("additional_creators", "@bob:example.org"))),
                "additional_creators");
    }

    @Test
    void in_v12_a_list_of_valid_additional_creators_is_allowed() {
        Events room = Events.withAdditionalCreators(RoomVersion.V12, Events.BOB, Events.DAVE);

        assertAllowed(check(room, room.create()));
    }

    @Test
    void before_v12_additional_creators_mean_nothing() {
        Events room = Events.in(RoomVersion.V11);
        Pdu create = withContent(room, obj("room_version", "11", "additional_creators", "not a list"));

        assertAllowed(check(room, create));
    }

    @Test
    void a_create_event_with_an_empty_list_of_previous_events_is_allowed() {
        Events room = Events.in(RoomVersion.V11);
        Pdu create = Events.from(room.create()).prevEvents().build();

        assertAllowed(check(room, create));
    }

    private static Pdu withContent(Events room, JsonObject content) {
        return Events.from(room.create()).content(content).build();
    }
}
