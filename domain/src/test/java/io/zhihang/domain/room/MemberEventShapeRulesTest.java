package io.zhihang.domain.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;

import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.obj;

class MemberEventShapeRulesTest {
    private final Events room = Events.in(RoomVersion.V11);

    @Test
    void a_member_event_without_state_key_is_denied() {
        Pdu join = Events.from(room.join(BOB)).without("state_key").build();

        assertDenied(room.check(join, room.join(ALICE), room.joinRules("public")), "state_key");
    }

    @Test
    void a_member_event_without_membership_is_denied() {
        Pdu join = Events.from(room.join(BOB)).content(obj("displayname", "Bob")).build();

        assertDenied(room.check(join, room.join(ALICE), room.joinRules("public")), "membership");
    }

    @Test
    void an_unknown_membership_is_denied() {
        assertDenied(room.check(room.member(BOB, BOB, "lurk"), room.join(ALICE), room.joinRules("public")),
                "unknown membership");
    }

    @Test
    void a_membership_that_is_not_a_string_is_denied() {
        Pdu join = Events.from(room.join(BOB)).content(obj("membership", 1)).build();

        assertDenied(room.check(join, room.join(ALICE), room.joinRules("public")), "unknown membership");
    }
}
