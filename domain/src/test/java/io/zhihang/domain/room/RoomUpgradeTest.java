package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.event.Pdu;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.obj;
import static org.assertj.core.api.Assertions.assertThat;

class RoomUpgradeTest {

    @Test
    void the_replacement_names_its_predecessor_and_keeps_the_room_type_and_federation_flag() {
        JsonObject old = obj("room_version", "10", "creator", ALICE, "type", "m.space", "m.federate", false);

        assertThat(RoomUpgrade.creationContent(old, "!old:example.org", "$tomb")).isEqualTo(obj(
                "predecessor", obj("room_id", "!old:example.org", "event_id", "$tomb"),
                "type", "m.space", "m.federate", false));
        assertThat(RoomUpgrade.creationContent(obj("room_version", "10"), "!old:example.org", "$tomb"))
                .isEqualTo(obj("predecessor", obj("room_id", "!old:example.org", "event_id", "$tomb")));
    }

    @Test
    void from_v12_the_predecessor_names_no_event_and_the_creator_leaves_the_users_map() {
        assertThat(RoomUpgrade.creationContent(obj("room_version", "11"), "!old:example.org", null))
                .isEqualTo(obj("predecessor", obj("room_id", "!old:example.org")));

        JsonObject levels = obj("ban", 50, "users", obj(ALICE, 100, BOB, 50));
        assertThat(RoomUpgrade.withoutUser(levels, ALICE)).isEqualTo(obj("ban", 50, "users", obj(BOB, 50)));
        assertThat(RoomUpgrade.withoutUser(obj("ban", 50), ALICE)).isEqualTo(obj("ban", 50));
    }

    @Test
    void the_tombstone_points_to_the_replacement() {
        assertThat(RoomUpgrade.tombstone("!new:example.org"))
                .isEqualTo(obj("body", "This room has been replaced", "replacement_room", "!new:example.org"));
    }

    @Test
    void string_levels_of_old_room_versions_become_integers() {
        JsonObject stringy = obj("ban", " 50", "kick", "x", "users", obj(ALICE, "100", BOB, "lots"),
                "events", obj("m.room.name", "+25"), "historical", 100);

        assertThat(RoomUpgrade.normalisedPowerLevels(stringy, RoomVersion.V9)).isEqualTo(obj(
                "ban", 50, "users", obj(ALICE, 100), "events", obj("m.room.name", 25), "historical", 100));
    }

    @Test
    void an_upgrader_below_the_highest_state_level_is_lifted_to_it() {
        JsonObject levels = obj("users", obj(ALICE, 75, BOB, 0), "state_default", 50, "ban", 60,
                "events", obj("m.room.tombstone", 75, "m.room.power_levels", 100));

        JsonObject raised = RoomUpgrade.raisedFor(levels, ALICE);

        assertThat(raised.object("users").orElseThrow()).isEqualTo(obj(ALICE, 100, BOB, 0));
        assertThat(raised.without("users")).isEqualTo(levels.without("users"));
    }

    @Test
    void an_upgrader_high_enough_already_keeps_the_levels_unchanged() {
        JsonObject levels = obj("users", obj(ALICE, 100), "events", obj("m.room.power_levels", 100));

        assertThat(RoomUpgrade.raisedFor(levels, ALICE)).isSameAs(levels);
    }

    @Test
    void an_upgrader_without_an_entry_gets_one() {
        JsonObject raised = RoomUpgrade.raisedFor(obj("users_default", 10), BOB);

        assertThat(raised.object("users").orElseThrow()).isEqualTo(obj(BOB, 50));
    }

    @Test
    void the_old_room_needs_a_moderator_to_talk_or_invite() {
        assertThat(RoomUpgrade.restrictedOldRoom(obj("users_default", 0, "invite", 0)))
                .contains(obj("users_default", 0, "invite", 50, "events_default", 50));
        assertThat(RoomUpgrade.restrictedOldRoom(obj("users_default", 60, "events_default", 70)))
                .contains(obj("users_default", 60, "events_default", 70, "invite", 61));
    }

    @Test
    void an_old_room_restricted_already_is_left_alone() {
        assertThat(RoomUpgrade.restrictedOldRoom(obj("invite", 50, "events_default", 100))).isEmpty();
    }

    @Test
    void the_same_user_asking_again_within_five_minutes_is_retrying() {
        Pdu tombstone = Events.in(RoomVersion.V11).state(RoomUpgrade.TOMBSTONE, "", ALICE,
                RoomUpgrade.tombstone("!new:example.org"));
        Instant sent = Instant.ofEpochMilli(tombstone.originServerTs());

        assertThat(RoomUpgrade.isRetry(tombstone, ALICE, sent.plusSeconds(299))).isTrue();
        assertThat(RoomUpgrade.isRetry(tombstone, ALICE, sent.plusSeconds(300))).isFalse();
        assertThat(RoomUpgrade.isRetry(tombstone, BOB, sent.plusSeconds(1))).isFalse();
    }
}
