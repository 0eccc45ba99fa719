package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;

import static io.zhihang.domain.room.Events.obj;
import static org.assertj.core.api.Assertions.assertThat;

class JoinRuleAndMembershipParsingTest {

    @Test
    void memberships_parse_from_their_wire_names_only() {
        assertThat(Membership.parse("join")).contains(Membership.JOIN);
        assertThat(Membership.parse("knock")).contains(Membership.KNOCK);
        assertThat(Membership.parse("JOIN")).isEmpty();
        assertThat(Membership.parse("lurk")).isEmpty();
    }

    @Test
    void knock_arrived_in_v7() {
        assertThat(Membership.KNOCK.isSupportedBy(RoomVersion.V6)).isFalse();
        assertThat(Membership.KNOCK.isSupportedBy(RoomVersion.V7)).isTrue();
        assertThat(Membership.BAN.isSupportedBy(RoomVersion.V1)).isTrue();
    }

    @Test
    void join_rules_parse_from_their_wire_names_only() {
        assertThat(JoinRule.parse("knock_restricted")).contains(JoinRule.KNOCK_RESTRICTED);
        assertThat(JoinRule.parse("private")).contains(JoinRule.PRIVATE);
        assertThat(JoinRule.parse("Public")).isEmpty();
    }

    @Test
    void join_rules_arrive_with_their_room_versions() {
        assertThat(JoinRule.KNOCK.isSupportedBy(RoomVersion.V6)).isFalse();
        assertThat(JoinRule.RESTRICTED.isSupportedBy(RoomVersion.V7)).isFalse();
        assertThat(JoinRule.RESTRICTED.isSupportedBy(RoomVersion.V8)).isTrue();
        assertThat(JoinRule.KNOCK_RESTRICTED.isSupportedBy(RoomVersion.V9)).isFalse();
        assertThat(JoinRule.KNOCK_RESTRICTED.isSupportedBy(RoomVersion.V10)).isTrue();
    }

    @Test
    void the_state_reads_the_join_rule_leniently() {
        Events room = Events.in(RoomVersion.V11);

        assertThat(room.room().joinRule(RoomVersion.V11)).contains(JoinRule.INVITE);
        assertThat(room.room(room.joinRules("public")).joinRule(RoomVersion.V11)).contains(JoinRule.PUBLIC);
        assertThat(room.room(room.state(RoomEventTypes.JOIN_RULES, "", Events.ALICE, obj()))
                .joinRule(RoomVersion.V11)).contains(JoinRule.INVITE);
        assertThat(room.room(room.joinRules("everyone")).joinRule(RoomVersion.V11)).isEmpty();
        assertThat(room.room(room.joinRules("knock")).joinRule(RoomVersion.V6)).isEmpty();
    }
}
