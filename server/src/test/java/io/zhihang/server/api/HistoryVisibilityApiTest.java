package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;

/** History visibility is applied on every read: /messages and /event. */
@QuarkusTest
class HistoryVisibilityApiTest {

    private static List<String> bodies(Matrix.Session reader, String roomId) {
        return as(reader).get(path(roomId) + "/messages?dir=b&limit=100").then().statusCode(200)
                .extract().jsonPath().getList("chunk.findAll { it.type == 'm.room.message' }.content.body", String.class);
    }

    private static void setVisibility(Matrix.Session admin, String roomId, String visibility) {
        as(admin).body(Map.of("history_visibility", visibility))
                .put(path(roomId) + "/state/m.room.history_visibility").then().statusCode(200);
    }

    @Test
    void shared_history_shows_newcomers_what_came_before() {
        Matrix.Session alice = Matrix.registerFresh("hs");
        Matrix.Session bob = Matrix.registerFresh("hsb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.send(alice, roomId, "before bob");
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "after bob");
        assertThat(bodies(bob, roomId)).containsExactly("after bob", "before bob");
    }

    @Test
    void joined_history_hides_what_came_before_the_join() {
        Matrix.Session alice = Matrix.registerFresh("hj");
        Matrix.Session bob = Matrix.registerFresh("hjb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        setVisibility(alice, roomId, "joined");
        String secret = Rooms.send(alice, roomId, "before bob");
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "after bob");
        assertThat(bodies(bob, roomId)).containsExactly("after bob");
        as(bob).get(path(roomId) + "/event/" + secret).then().statusCode(404);
        assertThat(bodies(alice, roomId)).containsExactly("after bob", "before bob");
    }

    @Test
    void who_left_keeps_the_history_up_to_leaving_and_nothing_after() {
        Matrix.Session alice = Matrix.registerFresh("hl");
        Matrix.Session bob = Matrix.registerFresh("hlb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "while bob was here");
        as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);
        Rooms.send(alice, roomId, "after bob left");
        assertThat(bodies(bob, roomId)).containsExactly("while bob was here");
    }

    @Test
    void an_invitee_reads_nothing_before_joining() {
        Matrix.Session alice = Matrix.registerFresh("hi");
        Matrix.Session bob = Matrix.registerFresh("hib");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "invite", List.of(bob.userId())));
        Rooms.send(alice, roomId, "hello");
        as(bob).get(path(roomId) + "/messages").then().statusCode(403);
        Rooms.join(bob, roomId);
        assertThat(bodies(bob, roomId)).containsExactly("hello");
    }

    @Test
    void world_readable_rooms_can_be_read_by_anyone_and_others_not_at_all() {
        Matrix.Session alice = Matrix.registerFresh("hw");
        Matrix.Session eve = Matrix.registerFresh("hwe");
        String open = Rooms.create(alice, Map.of("preset", "public_chat"));
        setVisibility(alice, open, "world_readable");
        Rooms.send(alice, open, "for everyone");
        assertThat(bodies(eve, open)).containsExactly("for everyone");

        String closed = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.send(alice, closed, "members only");
        as(eve).get(path(closed) + "/messages").then().statusCode(403);
    }
}
