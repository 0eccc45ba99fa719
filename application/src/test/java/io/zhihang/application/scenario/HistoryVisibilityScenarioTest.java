package io.zhihang.application.scenario;

import io.zhihang.application.port.in.room.ContextQuery;
import io.zhihang.application.port.in.room.TimelineQueries.EventContext;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.application.scenario.RoomTestHomeserver.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which past messages a reader sees depends on the room's {@code m.room.history_visibility} when each was sent and
 * on the reader's membership then: Alice talks in her room before and after Bob arrives, and after he leaves.
 */
class HistoryVisibilityScenarioTest {
    private final RoomTestHomeserver hs = new RoomTestHomeserver();
    private final Requester alice = hs.register("alice");
    private final Requester bob = hs.register("bob");
    private final Requester carol = hs.register("carol");
    private final String bobId = bob.userId().toString();
    private final String roomId = hs.createRoom(alice, "private_chat");

    @Test
    void shared_history_is_readable_by_members_who_join_later() {
        hs.say(alice, roomId, "before invite");
        bobIsInvitedAndJoins();

        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("before invite", "while invited", "after join");
    }

    @Test
    void joined_history_starts_at_the_readers_join() {
        setVisibility("joined");
        hs.say(alice, roomId, "before invite");
        bobIsInvitedAndJoins();

        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("after join");
    }

    @Test
    void invited_history_starts_at_the_readers_invite() {
        setVisibility("invited");
        String before = hs.say(alice, roomId, "before invite");
        bobIsInvitedAndJoins();

        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("while invited", "after join");
        assertThat(refusal(() -> hs.queries.event(bob, roomId, before)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void world_readable_rooms_can_be_peeked_into_but_not_written_to() {
        setVisibility("world_readable");
        String hello = hs.say(alice, roomId, "Hello world");

        assertThat(hs.messagesSeenBy(carol, roomId)).containsExactly("Hello world");
        assertThat(hs.queries.event(carol, roomId, hello).string("sender")).contains(alice.userId().toString());
        // Synapse's check_user_in_room_or_world_readable: a peeker reads the current state too.
        assertThat(hs.queries.state(carol, roomId)).extracting(e -> e.string("type").orElseThrow())
                .contains("m.room.create", "m.room.history_visibility");
        assertThat(refusal(() -> hs.sendEvent.send(carol, roomId, "m.room.message", RoomTestHomeserver.text("Hi"),
                "t1")).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void outsiders_cannot_read_a_room_that_is_not_world_readable() {
        String hello = hs.say(alice, roomId, "Members only");

        assertThat(refusal(() -> hs.messagesSeenBy(carol, roomId)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        // A single event one may not see is not found (Synapse), even in a room one may not read at all.
        assertThat(refusal(() -> hs.queries.event(carol, roomId, hello)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_reader_who_left_keeps_what_he_saw_but_nothing_after_his_leave() {
        setVisibility("joined");
        hs.say(alice, roomId, "before invite");
        bobIsInvitedAndJoins();
        hs.membership.leave(bob, roomId, null);
        String afterLeave = hs.say(alice, roomId, "after leave");

        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("after join");
        assertThat(refusal(() -> hs.queries.event(bob, roomId, afterLeave)).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_reader_who_left_a_shared_room_keeps_its_history_up_to_his_leave() {
        hs.say(alice, roomId, "before invite");
        bobIsInvitedAndJoins();
        hs.membership.leave(bob, roomId, null);
        hs.say(alice, roomId, "after leave");

        // The spec's rule: shared events are visible to a user who joined at any point after they were sent.
        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("before invite", "while invited", "after join");
    }

    @Test
    void a_banned_reader_sees_nothing_after_the_ban() {
        bobIsInvitedAndJoins();
        hs.membership.ban(alice, roomId, bobId, null);
        hs.say(alice, roomId, "after ban");

        assertThat(hs.messagesSeenBy(bob, roomId)).doesNotContain("after ban").contains("after join");
    }

    @Test
    void a_change_of_visibility_applies_from_the_change_on() {
        hs.say(alice, roomId, "while shared");
        setVisibility("joined");
        hs.say(alice, roomId, "while joined only");
        bobIsInvitedAndJoins();

        assertThat(hs.messagesSeenBy(bob, roomId)).containsExactly("while shared", "after join");
    }

    @Test
    void the_context_of_an_event_leaves_out_what_the_reader_may_not_see() {
        setVisibility("joined");
        hs.say(alice, roomId, "before invite");
        bobIsInvitedAndJoins();
        String later = hs.say(alice, roomId, "later");

        EventContext context = hs.timeline.context(new ContextQuery(bob, roomId, later, 20, false));

        assertThat(bodies(context.eventsBefore())).containsExactly("after join");
        assertThat(context.event().string("event_id")).contains(later);
    }

    private void bobIsInvitedAndJoins() {
        hs.membership.invite(alice, roomId, bobId, null);
        hs.say(alice, roomId, "while invited");
        hs.membership.join(bob, roomId, null);
        hs.say(alice, roomId, "after join");
    }

    private void setVisibility(String visibility) {
        hs.sendEvent.sendState(alice, roomId, "m.room.history_visibility", "",
                JsonObject.builder().put("history_visibility", visibility).build());
    }

    private static List<String> bodies(List<JsonObject> events) {
        return events.stream().filter(e -> e.string("type").orElseThrow().equals("m.room.message"))
                .map(e -> e.object("content").flatMap(c -> c.string("body")).orElseThrow()).toList();
    }
}
