package io.zhihang.application.scenario;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auth rules refuse, and how the refusal reads: Alice runs a room, Bob is an ordinary member, Carol is
 * outside. A refused event leaves no trace.
 */
class AuthRefusalsScenarioTest {
    private static final String UNKNOWN_ROOM = "!nowhere:example.org";

    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String aliceId = alice.userId().toString();
    private final String bobId = bob.userId().toString();
    private final String carolId = carol.userId().toString();
    private final String roomId = hs.createRoom(alice, "private_chat", bobId);

    AuthRefusalsScenarioTest() {
        hs.membership.join(bob, roomId, null);
    }

    @Test
    void an_outsider_may_not_send_into_the_room() {
        assertForbidden(() -> hs.sendEvent.send(carol, roomId, "m.room.message", text("Hi"), "t1"),
                carolId + " is not in the room");
    }

    @Test
    void a_member_without_power_may_not_change_the_rooms_name_or_power_levels() {
        assertForbidden(() -> hs.sendEvent.sendState(bob, roomId, "m.room.name", "",
                        JsonObject.builder().put("name", "Bob's room").build()),
                "Sending m.room.name needs power level 50; yours is 0");
        assertForbidden(() -> hs.sendEvent.sendState(bob, roomId, "m.room.power_levels", "",
                        JsonObject.builder().put("users", JsonObject.builder().put(bobId, 100).build()).build()),
                "Sending m.room.power_levels needs power level 100; yours is 0");
    }

    @Test
    void an_uninvited_user_may_not_join_an_invite_only_room() {
        assertForbidden(() -> hs.membership.join(carol, roomId, null), carolId + " is not invited to this room");
    }

    @Test
    void a_banned_user_may_not_rejoin_a_public_room() {
        String publicRoom = hs.createRoom(alice, "public_chat");
        hs.membership.join(carol, publicRoom, null);
        hs.membership.ban(alice, publicRoom, carolId, "Spam");

        assertForbidden(() -> hs.membership.join(carol, publicRoom, null), carolId + " is banned from the room");
    }

    @Test
    void a_member_without_power_may_not_kick_or_ban() {
        hs.membership.invite(alice, roomId, carolId, null);
        hs.membership.join(carol, roomId, null);

        assertForbidden(() -> hs.membership.kick(bob, roomId, carolId, null),
                "Kicking needs power level 50; yours is 0");
        assertForbidden(() -> hs.membership.ban(bob, roomId, carolId, null),
                "Banning needs power level 50; yours is 0");
        assertForbidden(() -> hs.membership.kick(bob, roomId, aliceId, null),
                "Kicking needs power level 50; yours is 0");
    }

    @Test
    void membership_changes_that_make_no_sense_are_refused() {
        assertForbidden(() -> hs.membership.invite(alice, roomId, bobId, null), bobId + " is already in the room");
        assertForbidden(() -> hs.membership.kick(alice, roomId, carolId, null), "The user is not in the room");
        assertForbidden(() -> hs.membership.unban(alice, roomId, carolId, null), "The user is not banned");
        assertForbidden(() -> hs.membership.leave(carol, roomId, null),
                carolId + " is not in, invited to or knocking on the room");
    }

    @Test
    void outsiders_may_not_read_the_rooms_state_or_members() {
        assertForbidden(() -> hs.queries.state(carol, roomId), "You are not a member of this room");
        assertForbidden(() -> hs.queries.members(carol, roomId, null, null), "You are not a member of this room");
    }

    @Test
    void an_unknown_room_is_not_found() {
        assertThat(refusal(() -> hs.sendEvent.send(alice, UNKNOWN_ROOM, "m.room.message", text("Hi"), "t1")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.sendEvent.sendState(alice, UNKNOWN_ROOM, "m.room.name", "",
                JsonObject.builder().put("name", "x").build())).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.membership.join(alice, UNKNOWN_ROOM, null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.membership.join(alice, "#nowhere:example.org", null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.membership.invite(alice, UNKNOWN_ROOM, bobId, null)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void inviting_a_user_the_server_does_not_know_is_not_found() {
        DomainException refusal = refusal(() -> hs.membership.invite(alice, roomId, "@nobody:example.org", null));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void bad_identifiers_are_invalid_parameters() {
        assertThat(refusal(() -> hs.membership.invite(alice, roomId, "bob", null)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> hs.membership.join(alice, "room", null)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    private void assertForbidden(ThrowingCallable call, String reason) {
        int stored = hs.events.size();
        DomainException refusal = refusal(call);
        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo(reason);
        assertThat(hs.events.size()).as("a refused event is not stored").isEqualTo(stored);
    }
}
