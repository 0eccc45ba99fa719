package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.zhihang.domain.room.AuthAssertions.assertAllowed;
import static io.zhihang.domain.room.AuthAssertions.assertDenied;
import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;

/** Rooms v1–5 authorise {@code m.room.aliases} by the sender's server alone (Synapse's special_case_aliases_auth). */
class AliasesRulesTest {

    private static Events room(String version) {
        return Events.in(RoomVersion.byId(version).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "4", "5"})
    void before_v6_a_server_sets_its_own_aliases_whatever_the_power_or_membership(String version) {
        Events room = room(version);
        var aliases = room.state("m.room.aliases", "example.org", BOB, obj("aliases", Events.array("#a:example.org")));

        assertAllowed(room.check(aliases, room.join(ALICE), room.powerLevels(room.levels(users(),
                "state_default", 100))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "5"})
    void before_v6_the_state_key_must_be_the_senders_server(String version) {
        Events room = room(version);

        assertDenied(room.check(room.state("m.room.aliases", "other.org", ALICE, obj("aliases", Events.array())),
                room.join(ALICE)), "sender's server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "9", "10", "11"})
    void from_v6_aliases_are_ordinary_state(String version) {
        Events room = room(version);
        var aliases = room.state("m.room.aliases", "example.org", BOB, obj("aliases", Events.array("#a:example.org")));

        assertDenied(room.check(aliases, room.join(ALICE)), "not in the room");
        assertAllowed(room.check(aliases, room.join(ALICE), room.join(BOB),
                room.powerLevels(room.levels(users(BOB, 50), "state_default", 50))));
        assertDenied(room.check(aliases, room.join(ALICE), room.join(BOB),
                room.powerLevels(room.levels(users(BOB, 50), "state_default", 100))), "power level");
    }
}
