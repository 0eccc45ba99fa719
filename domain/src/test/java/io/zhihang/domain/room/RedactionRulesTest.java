package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.DAVE;
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;

/**
 * Redactions: in v1/v2 the auth rules check the redact level (rule 11); from v3 they are ordinary events for the auth
 * rules, and {@link RedactionPolicy} decides later whether one is applied.
 */
class RedactionRulesTest {

    private static Pdu redaction(Events room, String sender, String redacts) {
        Events.Builder b = room.event(RoomEventTypes.REDACTION, sender);
        return room.version().implicitRoomCreator()
                ? b.content(obj("redacts", redacts)).build()
                : b.set("redacts", redacts).build();
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_member_below_the_redact_level_may_send_a_redaction(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(), "redact", 50));

        assertAllowed(room.check(redaction(room, BOB, "$someone-elses"), room.join(ALICE), room.join(BOB), levels));
    }

    @ParameterizedTest
    @MethodSource("io.zhihang.domain.room.Events#modernVersions")
    void a_level_for_m_room_redaction_in_events_applies_like_to_any_event(RoomVersion version) {
        Events room = Events.in(version);
        Pdu levels = room.powerLevels(room.levels(users(), "events", obj(RoomEventTypes.REDACTION, 10)));

        assertDenied(room.check(redaction(room, BOB, "$x"), room.join(ALICE), room.join(BOB), levels),
                "needs power level 10");
    }

    @Test
    void in_v1_a_redaction_of_another_servers_event_needs_the_redact_level() {
        Events room = Events.in(RoomVersion.V1);
        Pdu redaction = Events.from(redaction(room, BOB, "$abc:other.example")).id("$r1:example.org").build();

        assertDenied(room.check(redaction, room.join(ALICE), room.join(BOB)), "needs power level 50");
    }

    @Test
    void in_v1_a_server_redacts_its_own_events_without_the_redact_level() {
        Events room = Events.in(RoomVersion.V1);
        Pdu redaction = Events.from(redaction(room, BOB, "$abc:example.org")).id("$r1:example.org").build();

        assertAllowed(room.check(redaction, room.join(ALICE), room.join(BOB)));
    }

    @Test
    void in_v2_a_member_with_the_redact_level_redacts_anything() {
        Events room = Events.in(RoomVersion.V2);
        Pdu redaction = Events.from(redaction(room, ALICE, "$abc:other.example")).id("$r1:example.org").build();

        assertAllowed(room.check(redaction, room.join(ALICE)));
    }

    @Test
    void from_v3_the_auth_rules_ignore_the_redact_level() {
        Events room = Events.in(RoomVersion.V3);

        assertAllowed(room.check(redaction(room, BOB, "$abc"), room.join(ALICE), room.join(BOB)));
    }

    @Test
    void a_redaction_is_applied_to_an_event_from_the_same_server() {
        Events room = Events.in(RoomVersion.V11);
        Pdu message = room.message(CAROL);

        assertAllowed(RedactionPolicy.mayApply(redaction(room, BOB, message.eventId()), message, defaults()));
    }

    @Test
    void a_redaction_from_a_member_with_the_redact_level_is_applied_to_anyone_s_event() {
        Events room = Events.in(RoomVersion.V11);
        Pdu message = room.message(DAVE);

        assertAllowed(RedactionPolicy.mayApply(redaction(room, ALICE, message.eventId()), message,
                PowerLevels.defaults(RoomVersion.V11, Set.of(ALICE))));
    }

    @Test
    void a_redaction_from_another_server_without_the_redact_level_is_not_applied() {
        Events room = Events.in(RoomVersion.V11);
        Pdu message = room.message(BOB);

        assertDenied(RedactionPolicy.mayApply(redaction(room, DAVE, message.eventId()), message, defaults()),
                "needs power level 50");
    }

    @Test
    void a_redaction_is_applied_only_to_the_event_it_names() {
        Events room = Events.in(RoomVersion.V11);
        Pdu message = room.message(BOB);

        assertDenied(RedactionPolicy.mayApply(redaction(room, BOB, "$other"), message, defaults()), "does not redact");
    }

    @Test
    void before_v11_the_redacted_event_is_named_at_the_top_level() {
        Events room = Events.in(RoomVersion.V10);
        Pdu message = room.message(BOB);

        assertAllowed(RedactionPolicy.mayApply(redaction(room, BOB, message.eventId()), message, defaults()));
    }

    private static PowerLevels defaults() {
        return PowerLevels.defaults(RoomVersion.V11, Set.of());
    }
}
