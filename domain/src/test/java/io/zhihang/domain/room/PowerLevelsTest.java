package io.zhihang.domain.room;

import io.zhihang.domain.protocol.RoomVersion;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.zhihang.domain.room.Events.ALICE;
import static io.zhihang.domain.room.Events.BOB;
import static io.zhihang.domain.room.Events.CAROL;
import static io.zhihang.domain.room.Events.obj;
import static io.zhihang.domain.room.Events.users;
import static org.assertj.core.api.Assertions.assertThat;

class PowerLevelsTest {

    @Test
    void without_power_levels_event_the_creator_has_100_and_everybody_else_0() {
        PowerLevels levels = Events.in(RoomVersion.V11).room().powerLevels(RoomVersion.V11);

        assertThat(levels.userLevel(ALICE)).isEqualTo(100);
        assertThat(levels.userLevel(BOB)).isZero();
        assertThat(levels.isCreator(ALICE)).isFalse();
    }

    @Test
    void in_v10_the_creator_is_content_creator() {
        Events room = Events.in(RoomVersion.V10);
        AuthState state = AuthState.of(java.util.List.of(Events.from(room.create())
                .content(obj("creator", BOB, "room_version", "10")).build()));

        assertThat(state.creators(RoomVersion.V10)).containsExactly(BOB);
        assertThat(state.powerLevels(RoomVersion.V10).userLevel(BOB)).isEqualTo(100);
        assertThat(state.powerLevels(RoomVersion.V10).userLevel(ALICE)).isZero();
    }

    @Test
    void missing_thresholds_take_the_schema_defaults() {
        PowerLevels levels = PowerLevels.fromContent(obj(), RoomVersion.V11, Set.of());

        assertThat(levels.ban()).isEqualTo(50);
        assertThat(levels.kick()).isEqualTo(50);
        assertThat(levels.redact()).isEqualTo(50);
        assertThat(levels.invite()).isZero();
        assertThat(levels.stateDefault()).isEqualTo(50);
        assertThat(levels.eventsDefault()).isZero();
        assertThat(levels.usersDefault()).isZero();
        assertThat(levels.notifications(PowerLevels.ROOM_NOTIFICATION)).isEqualTo(50);
    }

    @Test
    void a_user_without_entry_has_users_default() {
        PowerLevels levels = PowerLevels.fromContent(obj("users_default", 5, "users", obj(BOB, 20)),
                RoomVersion.V11, Set.of());

        assertThat(levels.userLevel(BOB)).isEqualTo(20);
        assertThat(levels.userLevel(CAROL)).isEqualTo(5);
    }

    @Test
    void the_level_to_send_an_event_depends_on_type_and_on_being_state() {
        PowerLevels levels = PowerLevels.fromContent(obj("state_default", 40, "events_default", 10,
                "events", obj("m.room.name", 30)), RoomVersion.V11, Set.of());

        assertThat(levels.eventLevel("m.room.name", true)).isEqualTo(30);
        assertThat(levels.eventLevel("m.room.topic", true)).isEqualTo(40);
        assertThat(levels.eventLevel("m.room.message", false)).isEqualTo(10);
        assertThat(levels.userCanSend(BOB, "m.room.message", false)).isFalse();
    }

    @Test
    void before_v10_string_levels_are_read_as_integers() {
        PowerLevels levels = PowerLevels.fromContent(obj("ban", " 0075 ", "kick", "-3", "users", obj(BOB, "+100")),
                RoomVersion.V9, Set.of());

        assertThat(levels.ban()).isEqualTo(75);
        assertThat(levels.kick()).isEqualTo(-3);
        assertThat(levels.userLevel(BOB)).isEqualTo(100);
    }

    @Test
    void from_v10_string_levels_read_as_absent() {
        PowerLevels levels = PowerLevels.fromContent(obj("ban", "75", "users", obj(BOB, "100")),
                RoomVersion.V10, Set.of());

        assertThat(levels.ban()).isEqualTo(50);
        assertThat(levels.userLevel(BOB)).isZero();
    }

    @Test
    void kicking_and_banning_need_the_level_and_a_lower_target() {
        PowerLevels levels = PowerLevels.fromContent(obj("users", obj(ALICE, 100, BOB, 50, CAROL, 50)),
                RoomVersion.V11, Set.of());

        assertThat(levels.userCanKick(ALICE, BOB)).isTrue();
        assertThat(levels.userCanKick(BOB, CAROL)).isFalse();
        assertThat(levels.userCanBan(BOB, "@nobody:example.org")).isTrue();
        assertThat(levels.userCanBan(BOB, ALICE)).isFalse();
    }

    @Test
    void unbanning_needs_both_kick_and_ban_levels() {
        PowerLevels levels = PowerLevels.fromContent(obj("kick", 60, "users", obj(BOB, 50)),
                RoomVersion.V11, Set.of());

        assertThat(levels.userCanBan(BOB, CAROL)).isTrue();
        assertThat(levels.userCanUnban(BOB, CAROL)).isFalse();
    }

    @Test
    void redacting_others_and_room_notifications_have_their_own_levels() {
        PowerLevels levels = PowerLevels.fromContent(obj("redact", 20, "notifications", obj("room", 30),
                "users", obj(BOB, 25)), RoomVersion.V11, Set.of());

        assertThat(levels.userCanRedactOthers(BOB)).isTrue();
        assertThat(levels.userCanTriggerNotification(BOB, PowerLevels.ROOM_NOTIFICATION)).isFalse();
        assertThat(levels.userCanInvite(BOB)).isTrue();
    }

    @Test
    void changing_a_user_level_is_bounded_by_the_senders_level() {
        PowerLevels levels = PowerLevels.fromContent(obj("users", obj(ALICE, 100, BOB, 50, CAROL, 50)),
                RoomVersion.V11, Set.of());

        assertThat(levels.userCanChangeUserLevel(BOB, "@new:example.org", 50)).isTrue();
        assertThat(levels.userCanChangeUserLevel(BOB, "@new:example.org", 51)).isFalse();
        assertThat(levels.userCanChangeUserLevel(BOB, CAROL, 0)).isFalse();
        assertThat(levels.userCanChangeUserLevel(BOB, BOB, 0)).isTrue();
    }

    @Test
    void the_auth_state_reads_the_power_levels_event() {
        Events room = Events.in(RoomVersion.V11);
        AuthState state = room.room(room.powerLevels(room.levels(users(BOB, 42))));

        assertThat(state.powerLevels(RoomVersion.V11).userLevel(BOB)).isEqualTo(42);
        assertThat(state.powerLevels(RoomVersion.V11).userLevel(ALICE)).isEqualTo(100);
    }
}
