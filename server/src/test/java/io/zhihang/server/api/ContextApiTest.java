package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** {@code GET /rooms/{roomId}/context/{eventId}}. */
@QuarkusTest
class ContextApiTest {

    @Test
    void the_events_around_an_event_with_tokens_to_page_on_from_either_end() {
        Matrix.Session alice = Matrix.registerFresh("ctx");
        String roomId = Rooms.create(alice, Map.of());
        List<String> ids = List.of(Rooms.send(alice, roomId, "1"), Rooms.send(alice, roomId, "2"),
                Rooms.send(alice, roomId, "3"), Rooms.send(alice, roomId, "4"), Rooms.send(alice, roomId, "5"),
                Rooms.send(alice, roomId, "6"), Rooms.send(alice, roomId, "7"));

        var context = as(alice).get(path(roomId) + "/context/" + ids.get(3) + "?limit=4").then().statusCode(200)
                .body("event.event_id", equalTo(ids.get(3)))
                .body("event.room_id", equalTo(roomId))
                .body("event.content.body", equalTo("4"))
                .extract().jsonPath();
        assertThat(context.getList("events_before.event_id", String.class)).containsExactly(ids.get(2), ids.get(1));
        assertThat(context.getList("events_after.event_id", String.class)).containsExactly(ids.get(4), ids.get(5));
        assertThat(context.getList("state.type", String.class))
                .contains("m.room.create", "m.room.member", "m.room.power_levels");

        var earlier = as(alice).get(path(roomId) + "/messages?dir=b&limit=1&from=" + context.getString("start"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(earlier.getList("chunk.event_id", String.class)).containsExactly(ids.get(0));
        var later = as(alice).get(path(roomId) + "/messages?dir=f&limit=5&from=" + context.getString("end"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(later.getList("chunk.event_id", String.class)).containsExactly(ids.get(6));
    }

    @Test
    void limit_zero_gives_the_event_alone_and_the_ends_of_the_room_have_nothing_beyond() {
        Matrix.Session alice = Matrix.registerFresh("ctx0");
        String roomId = Rooms.create(alice, Map.of());
        String only = Rooms.send(alice, roomId, "last");
        as(alice).get(R0 + "/rooms/" + roomId + "/context/" + only + "?limit=0").then().statusCode(200)
                .body("event.event_id", equalTo(only))
                .body("events_before", hasSize(0))
                .body("events_after", hasSize(0));
        as(alice).get(path(roomId) + "/context/" + only).then().statusCode(200)
                .body("events_after", hasSize(0))
                .body("events_before", hasSize(5));
    }

    @Test
    void lazy_loading_members_returns_only_the_senders_member_events() {
        Matrix.Session alice = Matrix.registerFresh("ctxl");
        Matrix.Session bob = Matrix.registerFresh("ctxlb");
        Matrix.Session carol = Matrix.registerFresh("ctxlc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.join(carol, roomId);
        Rooms.send(alice, roomId, "hi");
        String bobs = Rooms.send(bob, roomId, "hello");
        var context = as(carol).queryParam("limit", 2).queryParam("filter", "{\"lazy_load_members\":true}")
                .get(path(roomId) + "/context/" + bobs).then().statusCode(200)
                .extract().jsonPath();
        assertThat(context.getList("state.type", String.class)).containsOnly("m.room.member");
        assertThat(context.getList("state.state_key", String.class))
                .containsExactlyInAnyOrder(alice.userId(), bob.userId());
    }

    @Test
    void bundles_come_with_the_context() {
        Matrix.Session alice = Matrix.registerFresh("ctxb");
        String roomId = Rooms.create(alice, Map.of());
        String root = Rooms.send(alice, roomId, "root");
        String edit = Rooms.edit(alice, roomId, root, "root, edited");
        as(alice).get(path(roomId) + "/context/" + root + "?limit=2").then().statusCode(200)
                .body("event.unsigned.'m.relations'.'m.replace'.event_id", equalTo(edit))
                .body("events_after[0].event_id", equalTo(edit));
    }

    @Test
    void outsiders_unknown_events_and_bad_parameters_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("ctxr");
        Matrix.Session eve = Matrix.registerFresh("ctxe");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String event = Rooms.send(alice, roomId, "secret");
        String otherRoom = Rooms.create(alice, Map.of());
        String elsewhere = Rooms.send(alice, otherRoom, "elsewhere");

        as(eve).get(path(roomId) + "/context/" + event).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).get(path(roomId) + "/context/$nope").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(path(roomId) + "/context/" + elsewhere).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(path(roomId) + "/context/" + event + "?limit=-1").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).queryParam("filter", "{lazy").get(path(roomId) + "/context/" + event).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
    }
}
