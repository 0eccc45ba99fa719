package io.zhihang.application.scenario;

import io.zhihang.application.port.in.room.RelationsQuery;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static io.zhihang.application.scenario.RoomTestHomeserver.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redaction strips an event down to what the room version protects; readers see the pruned content and, under
 * {@code unsigned.redacted_because}, the redaction that did it.
 */
class RedactionScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final String bobId = bob.userId().toString();

    @Test
    void a_redacted_message_shows_empty_content_and_the_redaction_that_hit_it() {
        String roomId = roomWithBob("11");
        String secret = hs.say(alice, roomId, "The password is swordfish");

        String redaction = hs.sendEvent.redact(alice, roomId, secret, "Oversharing", "r1");

        JsonObject seen = hs.queries.event(bob, roomId, secret);
        assertThat(seen.object("content")).contains(JsonObject.EMPTY);
        JsonObject because = seen.object("unsigned").flatMap(u -> u.object("redacted_because")).orElseThrow();
        assertThat(because.string("event_id")).contains(redaction);
        assertThat(because.string("type")).contains("m.room.redaction");
        assertThat(because.string("sender")).contains(alice.userId().toString());
        assertThat(because.object("content").flatMap(c -> c.string("reason"))).contains("Oversharing");
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly((String) null);
    }

    @Test
    void the_redaction_names_its_target_in_content_from_v11_and_at_the_top_level_for_clients() {
        String roomId = roomWithBob("11");
        String message = hs.say(alice, roomId, "Oops");

        String redaction = hs.sendEvent.redact(alice, roomId, message, null, "r1");

        JsonObject seen = hs.queries.event(bob, roomId, redaction);
        assertThat(seen.string("redacts")).contains(message);
        assertThat(seen.object("content").flatMap(c -> c.string("redacts"))).contains(message);
    }

    @Test
    void members_may_redact_only_their_own_events_and_moderators_anyones() {
        String roomId = roomWithBob("11");
        String alices = hs.say(alice, roomId, "Alice speaking");
        String bobs = hs.say(bob, roomId, "Bob speaking");

        DomainException refusal = refusal(() -> hs.sendEvent.redact(bob, roomId, alices, null, "r1"));
        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("You may only redact your own events");

        hs.sendEvent.redact(alice, roomId, bobs, "Moderated", "r2");
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("Alice speaking", null);
    }

    @Test
    void an_unknown_event_or_one_from_another_room_cannot_be_redacted() {
        String roomId = roomWithBob("11");
        String elsewhere = hs.say(alice, hs.createRoom(alice, "private_chat"), "Elsewhere");

        assertThat(refusal(() -> hs.sendEvent.redact(alice, roomId, "$nothing", null, "r1")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(refusal(() -> hs.sendEvent.redact(alice, roomId, elsewhere, null, "r2")).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_redacted_member_event_keeps_its_membership_but_not_the_display_name() {
        hs.server.profileService.setDisplayName(bob, bob.userId(), "Bob the Builder");
        String roomId = roomWithBob("11");
        String join = hs.state.current(roomId).get(StateKey.member(bobId));
        assertThat(memberContent(roomId).string("displayname")).contains("Bob the Builder");

        hs.sendEvent.redact(bob, roomId, join, null, "r1");

        assertThat(memberContent(roomId)).isEqualTo(JsonObject.builder().put("membership", "join").build());
        assertThat(hs.queries.joinedMembers(alice, roomId).get(bobId)).isEqualTo(JsonObject.EMPTY);
    }

    @Test
    void redacted_power_levels_keep_the_invite_level_from_v11_only() {
        String v10 = roomWithBob("10");
        String v11 = roomWithBob("11");

        redactState(v10, StateKey.POWER_LEVELS);
        redactState(v11, StateKey.POWER_LEVELS);

        JsonObject prunedV10 = hs.queries.stateContent(bob, v10, "m.room.power_levels", "");
        JsonObject prunedV11 = hs.queries.stateContent(bob, v11, "m.room.power_levels", "");
        List<String> protectedKeys = List.of("ban", "events", "events_default", "kick", "redact", "state_default",
                "users", "users_default");
        assertThat(prunedV10.members()).containsOnlyKeys(protectedKeys);
        assertThat(prunedV11.members()).containsKeys(protectedKeys.toArray(String[]::new))
                .hasSize(protectedKeys.size() + 1);
        assertThat(prunedV11.number("invite")).contains(0L);
    }

    @Test
    void redacted_power_levels_rule_the_room_as_its_readers_see_them() {
        hs.register("carol");
        String roomId = hs.createRoomOfVersion(alice, "10", "public_chat");
        hs.membership.join(bob, roomId, null);
        assertThat(refusal(() -> hs.membership.invite(bob, roomId, "@carol:example.org", null)).getMessage())
                .isEqualTo("Your power level 0 is below the invite level 50");

        redactState(roomId, StateKey.POWER_LEVELS);

        // Version 10 does not protect "invite": it falls back to 0, so Bob may now invite.
        hs.membership.invite(bob, roomId, "@carol:example.org", null);
        assertThat(hs.state.memberships(roomId)).containsEntry("@carol:example.org", "invite");
    }

    @Test
    void a_redacted_create_event_keeps_only_its_creator_before_v11_and_everything_from_v11() {
        String v10 = roomWithBob("10");
        String v11 = roomWithBob("11");

        redactState(v10, StateKey.CREATE);
        redactState(v11, StateKey.CREATE);

        assertThat(hs.queries.stateContent(bob, v10, "m.room.create", ""))
                .isEqualTo(JsonObject.builder().put("creator", alice.userId().toString()).build());
        assertThat(hs.queries.stateContent(bob, v11, "m.room.create", ""))
                .isEqualTo(JsonObject.builder().put("room_version", "11").build());
    }

    @Test
    void a_redacted_thread_reply_drops_out_of_the_thread() {
        String roomId = roomWithBob("11");
        String root = hs.say(alice, roomId, "Thread root");
        String kept = reply(bob, roomId, root, "First reply");
        String gone = reply(bob, roomId, root, "Second reply");

        hs.sendEvent.redact(bob, roomId, gone, null, "r1");

        List<String> replies = hs.relations.relations(new RelationsQuery(alice, roomId, root, "m.thread", null,
                null, null, 10, true)).chunk().stream().map(e -> e.string("event_id").orElseThrow()).toList();
        assertThat(replies).containsExactly(kept);
    }

    private String roomWithBob(String version) {
        String roomId = hs.createRoomOfVersion(alice, version, "private_chat", bobId);
        hs.membership.join(bob, roomId, null);
        return roomId;
    }

    private void redactState(String roomId, StateKey key) {
        hs.sendEvent.redact(alice, roomId, hs.state.current(roomId).get(key), null, "redact " + roomId);
    }

    private JsonObject memberContent(String roomId) {
        return hs.queries.stateContent(alice, roomId, "m.room.member", bobId);
    }

    private String reply(Requester sender, String roomId, String root, String body) {
        JsonObject content = text(body).toBuilder().put("m.relates_to", JsonObject.builder()
                .put("rel_type", "m.thread").put("event_id", root).build()).build();
        return hs.sendEvent.send(sender, roomId, "m.room.message", content, "reply " + body);
    }
}
