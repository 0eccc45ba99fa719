package io.zhihang.domain.room;

import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new room may only start with a join rule its version knows. */
class NewRoomJoinRulesTest {
    private static final String ALICE = "@alice:example.org";

    private static RoomBlueprint withJoinRule(RoomVersion version, String rule) {
        EventDraft joinRules = EventDraft.state("m.room.join_rules", "", ALICE,
                JsonObject.builder().put("join_rule", rule).build());
        return new RoomBlueprint(version, ALICE, null, null, null, null, null, null, null, List.of(), false,
                List.of(joinRules), JsonObject.builder().put("membership", "join").build());
    }

    @ParameterizedTest
    @CsvSource({"6,knock", "7,restricted", "9,knock_restricted", "1,knock"})
    void a_join_rule_the_version_lacks_is_invalid_room_state(String version, String rule) {
        assertThatThrownBy(() -> withJoinRule(RoomVersion.byId(version).orElseThrow(), rule).initialEvents())
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ROOM_STATE);
                    assertThat(e.getMessage())
                            .isEqualTo("Room version " + version + " does not support the join rule " + rule);
                });
    }

    @ParameterizedTest
    @CsvSource({"7,knock", "8,restricted", "10,knock_restricted", "1,public", "1,invite", "3,private"})
    void a_join_rule_the_version_knows_is_taken(String version, String rule) {
        List<EventDraft> events = withJoinRule(RoomVersion.byId(version).orElseThrow(), rule).initialEvents();
        assertThat(events).filteredOn(d -> d.type().equals("m.room.join_rules"))
                .singleElement().satisfies(d -> assertThat(d.content().string("join_rule")).contains(rule));
    }

    @Test
    void the_create_event_names_the_creator_until_v11() {
        for (RoomVersion version : RoomVersion.known().values()) {
            JsonObject create = withJoinRule(version, "invite").initialEvents().getFirst().content();
            assertThat(create.string("creator")).as("v%s", version.id())
                    .isEqualTo(version.implicitRoomCreator() ? java.util.Optional.empty()
                            : java.util.Optional.of(ALICE));
            assertThat(create.string("room_version")).contains(version.id());
        }
    }
}
