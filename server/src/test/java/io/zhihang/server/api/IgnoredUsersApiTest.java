package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code m.ignored_user_list}: what an ignored user sends never reaches the ignoring user (Synapse's
 * {@code filter_events_for_client}), nor do their invites (Synapse's sync); their state events still do.
 */
@QuarkusTest
class IgnoredUsersApiTest {

    private static List<String> senders(List<Map<String, Object>> events, String type) {
        return events.stream().filter(e -> type.equals(e.get("type"))).map(e -> (String) e.get("sender")).toList();
    }

    @Test
    void messages_of_an_ignored_user_never_reach_sync_but_their_state_events_do() {
        Matrix.Session alice = Matrix.registerFresh("ign");
        Matrix.Session bob = Matrix.registerFresh("ign");
        Matrix.Session mallory = Matrix.registerFresh("ign");
        String roomId = Rooms.create(bob, Map.of("preset", "public_chat",
                "power_level_content_override", Map.of("events", Map.of("m.room.topic", 0))));
        Rooms.join(alice, roomId);
        Rooms.join(mallory, roomId);
        Friends.ignore(alice, mallory.userId());
        Map<String, Object> before = Syncs.initial(alice);

        Rooms.send(mallory, roomId, "from mallory");
        Rooms.send(bob, roomId, "from bob");
        Rooms.putState(mallory, roomId, "m.room.topic", Map.of("topic", "mallory's topic"));
        Rooms.send(mallory, roomId, "org.example.custom", Map.of("k", "v"));

        List<Map<String, Object>> timeline = Syncs.timeline(Syncs.since(alice, before), roomId);
        assertThat(Syncs.bodies(timeline)).containsExactly("from bob");
        assertThat(senders(timeline, "m.room.topic")).containsExactly(mallory.userId());
        assertThat(senders(timeline, "org.example.custom")).isEmpty();
        assertThat(Syncs.bodies(Syncs.timeline(Syncs.initial(alice), roomId))).containsExactly("from bob");
        assertThat(Syncs.bodies(Syncs.timeline(Syncs.since(bob, before), roomId)))
                .as("others still see them").containsExactly("from mallory", "from bob");
    }

    /** New invites from an ignored user are refused outright (BlockedInvitesApiTest); one sent before is hidden. */
    @Test
    void invites_from_an_ignored_user_are_not_shown() {
        Matrix.Session alice = Matrix.registerFresh("igi");
        Matrix.Session bob = Matrix.registerFresh("igi");
        Matrix.Session mallory = Matrix.registerFresh("igi");
        String mallorys = Rooms.create(mallory, Map.of("invite", List.of(alice.userId())));
        Friends.ignore(alice, mallory.userId());
        Map<String, Object> before = Syncs.initial(alice);

        String bobs = Rooms.create(bob, Map.of("invite", List.of(alice.userId())));

        assertThat(Syncs.at(Syncs.since(alice, before), "rooms", "invite")).containsOnlyKeys(bobs)
                .doesNotContainKey(mallorys);
        assertThat(Syncs.at(Syncs.initial(alice), "rooms", "invite")).containsOnlyKeys(bobs);
    }

    @Test
    void messages_and_context_leave_out_an_ignored_users_messages() {
        Matrix.Session alice = Matrix.registerFresh("igm");
        Matrix.Session bob = Matrix.registerFresh("igm");
        Matrix.Session mallory = Matrix.registerFresh("igm");
        String roomId = Rooms.create(bob, Map.of("preset", "public_chat"));
        Rooms.join(alice, roomId);
        Rooms.join(mallory, roomId);
        Friends.ignore(alice, mallory.userId());
        Rooms.send(bob, roomId, "one");
        String mallorys = Rooms.send(mallory, roomId, "from mallory");
        String two = Rooms.send(bob, roomId, "two");
        Rooms.send(mallory, roomId, "again mallory");
        Rooms.send(bob, roomId, "three");

        var messages = as(alice).get(path(roomId) + "/messages?dir=b&limit=20").then().statusCode(200)
                .extract().jsonPath();
        assertThat(messages.getList("chunk.findAll { it.type == 'm.room.message' }.content.body", String.class))
                .containsExactly("three", "two", "one");
        assertThat(messages.getList("chunk.sender", String.class)).as("mallory's join still shows")
                .contains(mallory.userId());

        var context = as(alice).get(path(roomId) + "/context/" + two + "?limit=10").then().statusCode(200)
                .extract().jsonPath();
        assertThat(context.getList("events_before.findAll { it.type == 'm.room.message' }.content.body",
                String.class)).containsExactly("one");
        assertThat(context.getList("events_after.content.body", String.class)).containsExactly("three");
        as(alice).get(path(roomId) + "/context/" + mallorys).then().statusCode(404);
        as(alice).get(path(roomId) + "/event/" + mallorys).then().statusCode(404);
        as(bob).get(path(roomId) + "/event/" + mallorys).then().statusCode(200);
    }
}
