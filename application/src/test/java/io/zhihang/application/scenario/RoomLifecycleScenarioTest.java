package io.zhihang.application.scenario;

import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a private room, told as one story: Alice creates it with an invite for Bob, Bob joins, they
 * talk, Alice names the topic, Carol comes and is kicked, banned and unbanned, and Bob leaves.
 */
class RoomLifecycleScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String aliceId = alice.userId().toString();
    private final String bobId = bob.userId().toString();
    private final String carolId = carol.userId().toString();

    @Test
    void a_private_room_from_creation_to_the_last_member_leaving() {
        String roomId = hs.createRoom(alice, "private_chat", bobId);

        // Alice is in the room; Bob is only invited and sees nothing inside yet.
        assertThat(roomId).matches("!room[A-Z]+:example\\.org");
        assertThat(hs.queries.joinedRooms(alice)).containsExactly(roomId);
        assertThat(hs.queries.joinedRooms(bob)).isEmpty();
        assertThat(memberships(roomId)).containsExactlyInAnyOrderEntriesOf(Map.of(aliceId, "join", bobId, "invite"));
        assertThat(hs.queries.stateContent(alice, roomId, "m.room.join_rules", "").string("join_rule"))
                .contains("invite");
        assertThat(refusal(() -> hs.queries.state(bob, roomId)).kind()).isEqualTo(ErrorKind.FORBIDDEN);

        // Bob accepts the invite.
        assertThat(hs.membership.join(bob, roomId, null)).isEqualTo(roomId);
        assertThat(hs.queries.joinedRooms(bob)).containsExactly(roomId);
        assertThat(hs.queries.joinedMembers(bob, roomId)).containsOnlyKeys(aliceId, bobId);

        // They talk; both see the same conversation in the same order.
        String hello = hs.say(alice, roomId, "Hello Bob");
        hs.say(bob, roomId, "Hi Alice");
        assertThat(hs.messagesSeenBy(alice, roomId)).containsExactly("Hello Bob", "Hi Alice");
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("Hello Bob", "Hi Alice");
        JsonObject seen = hs.queries.event(bob, roomId, hello);
        assertThat(seen.string("sender")).contains(aliceId);
        assertThat(seen.object("content")).contains(text("Hello Bob"));

        // Alice, the room's admin, sets the topic; Bob reads it from the state.
        hs.sendEvent.sendState(alice, roomId, "m.room.topic", "",
                JsonObject.builder().put("topic", "Tea party").build());
        assertThat(hs.queries.stateContent(bob, roomId, "m.room.topic", "").string("topic")).contains("Tea party");

        // Carol is invited and joins, then Alice kicks her: she is out and may no longer speak.
        hs.membership.invite(alice, roomId, carolId, null);
        hs.membership.join(carol, roomId, null);
        hs.say(carol, roomId, "Off with their heads!");
        hs.membership.kick(alice, roomId, carolId, "Too loud");
        assertThat(memberships(roomId)).containsEntry(carolId, "leave");
        assertThat(memberEvent(roomId, carolId).object("content").orElseThrow().string("reason")).contains("Too loud");
        assertThat(refusal(() -> hs.say(carol, roomId, "Let me back in")).kind()).isEqualTo(ErrorKind.FORBIDDEN);

        // Alice bans her, which keeps her out even with a new invite, then lifts the ban.
        hs.membership.ban(alice, roomId, carolId, "Still too loud");
        assertThat(memberships(roomId)).containsEntry(carolId, "ban");
        assertThat(refusal(() -> hs.membership.invite(alice, roomId, carolId, null)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        hs.membership.unban(alice, roomId, carolId, null);
        assertThat(memberships(roomId)).containsEntry(carolId, "leave");
        hs.membership.invite(alice, roomId, carolId, null);
        assertThat(memberships(roomId)).containsEntry(carolId, "invite");

        // Bob leaves: the room is no longer among his, and Alice sees him gone.
        hs.membership.leave(bob, roomId, null);
        assertThat(hs.queries.joinedRooms(bob)).isEmpty();
        assertThat(hs.queries.joinedMembers(alice, roomId)).containsOnlyKeys(aliceId);

        // Alice's timeline tells the story in order.
        List<String> story = hs.queries.messages(alice, roomId, null, null, false, 100).chunk().stream()
                .filter(e -> !e.string("type").orElseThrow().equals("m.room.message"))
                .map(RoomLifecycleScenarioTest::describe)
                .toList();
        assertThat(story).containsExactly(
                "m.room.create", "m.room.member " + aliceId + " join", "m.room.power_levels", "m.room.join_rules",
                "m.room.history_visibility", "m.room.guest_access", "m.room.member " + bobId + " invite",
                "m.room.member " + bobId + " join", "m.room.topic",
                "m.room.member " + carolId + " invite", "m.room.member " + carolId + " join",
                "m.room.member " + carolId + " leave", "m.room.member " + carolId + " ban",
                "m.room.member " + carolId + " leave", "m.room.member " + carolId + " invite",
                "m.room.member " + bobId + " leave");
        assertThat(hs.messagesSeenBy(alice, roomId)).containsExactly("Hello Bob", "Hi Alice", "Off with their heads!");
    }

    @Test
    void a_public_room_is_joined_by_its_alias_without_an_invite() {
        String roomId = hs.createRoom.create(new CreateRoomCommand(alice, null,
                "public", "tea", "Tea", null, List.of(), List.of(), null, null, false, null)).roomId();

        assertThat(hs.membership.join(bob, "#tea:example.org", null)).isEqualTo(roomId);

        assertThat(memberships(roomId)).containsExactlyInAnyOrderEntriesOf(Map.of(aliceId, "join", bobId, "join"));
        assertThat(hs.queries.stateContent(bob, roomId, "m.room.canonical_alias", "").string("alias"))
                .contains("#tea:example.org");
        assertThat(hs.queries.stateContent(bob, roomId, "m.room.name", "").string("name")).contains("Tea");
    }

    private Map<String, String> memberships(String roomId) {
        return hs.state.memberships(roomId);
    }

    private JsonObject memberEvent(String roomId, String userId) {
        return hs.queries.members(alice, roomId, null, null).stream()
                .filter(e -> e.string("state_key").orElseThrow().equals(userId))
                .findFirst().orElseThrow();
    }

    private static String describe(JsonObject event) {
        String type = event.string("type").orElseThrow();
        if (!type.equals("m.room.member")) {
            return type;
        }
        return type + " " + event.string("state_key").orElseThrow() + " "
                + event.object("content").orElseThrow().string("membership").orElseThrow();
    }
}
