package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Room deletion (v1, v2 and the seed's forms) and history purge: members out, rows gone, blocked rooms closed. */
@QuarkusTest
class AdminRoomDeletionApiTest {
    private static final String ADMIN = "/_synapse/admin";

    @Inject
    EventStore events;
    @Inject
    RoomRepository rooms;

    @Test
    void deleting_a_room_kicks_every_local_member_removes_its_events_and_a_block_keeps_everyone_out() {
        Matrix.Session admin = Matrix.registerAdmin("deladmin");
        Matrix.Session alice = Matrix.registerFresh("delalice");
        Matrix.Session bob = Matrix.registerFresh("delbob");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "name", "doomed"));
        Rooms.join(bob, roomId);
        String message = Rooms.send(alice, roomId, "soon gone");

        as(admin).body(Map.of("block", true)).delete(ADMIN + "/v1/rooms/" + roomId).then().statusCode(200)
                .body("kicked_users", containsInAnyOrder(alice.userId(), bob.userId()))
                .body("failed_to_kick_users", empty()).body("local_aliases", empty());

        as(bob).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", not(hasItem(roomId)));
        as(admin).get(ADMIN + "/v1/rooms/" + roomId).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(events.find(message)).isEmpty();
        assertThat(rooms.find(roomId)).isEmpty();
        as(bob).body(Map.of()).post(V3 + "/join/" + roomId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void without_purge_the_room_stays_and_without_block_it_can_be_joined_again() {
        Matrix.Session admin = Matrix.registerAdmin("delnopurge");
        Matrix.Session alice = Matrix.registerFresh("delnopurgealice");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String message = Rooms.send(alice, roomId, "kept");
        as(admin).body(Map.of("purge", false)).delete(ADMIN + "/v1/rooms/" + roomId).then().statusCode(200)
                .body("kicked_users", containsInAnyOrder(alice.userId()));
        assertThat(events.find(message)).isPresent();
        as(admin).get(ADMIN + "/v1/rooms/" + roomId).then().statusCode(200).body("joined_members", equalTo(0));
        Rooms.join(alice, roomId);
    }

    @Test
    void members_move_to_a_new_room_with_the_message_and_the_aliases() {
        Matrix.Session admin = Matrix.registerAdmin("delmove");
        Matrix.Session alice = Matrix.registerFresh("delmovealice");
        Matrix.Session bob = Matrix.registerFresh("delmovebob");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String alias = Rooms.freshAlias("delmove");
        Rooms.addAlias(alice, alias, roomId);

        String newRoom = as(admin).body(Map.of("new_room_user_id", admin.userId(), "room_name", "Moved",
                        "message", "Your room was closed")).delete(ADMIN + "/v1/rooms/" + roomId).then()
                .statusCode(200).body("new_room_id", notNullValue()).body("local_aliases", hasItem(alias))
                .extract().path("new_room_id");
        as(bob).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", hasItem(newRoom))
                .body("joined_rooms", not(hasItem(roomId)));
        as(bob).get(Rooms.path(newRoom) + "/messages?dir=b").then().statusCode(200)
                .body("chunk.content.body", hasItem("Your room was closed"));
        as(bob).get(V3 + "/directory/room/{alias}", alias).then().statusCode(200)
                .body("room_id", equalTo(newRoom));
    }

    @Test
    void the_v2_deletion_runs_in_the_background_and_reports_its_status() throws InterruptedException {
        Matrix.Session admin = Matrix.registerAdmin("delv2");
        Matrix.Session alice = Matrix.registerFresh("delv2alice");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String deleteId = as(admin).body(Map.of()).delete(ADMIN + "/v2/rooms/" + roomId).then().statusCode(200)
                .extract().path("delete_id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = "";
        while (!status.equals("complete") && Instant.now().isBefore(deadline)) {
            status = as(admin).get(ADMIN + "/v2/rooms/delete_status/" + deleteId).then().statusCode(200)
                    .extract().path("status");
            if (!status.equals("complete")) {
                Thread.onSpinWait();
            }
        }
        assertThat(status).isEqualTo("complete");
        as(admin).get(ADMIN + "/v2/rooms/delete_status/" + deleteId).then().statusCode(200)
                .body("room_id", equalTo(roomId)).body("shutdown_room.kicked_users", hasItem(alice.userId()));
        as(admin).get(ADMIN + "/v2/rooms/" + roomId + "/delete_status").then().statusCode(200)
                .body("results[0].delete_id", equalTo(deleteId));
        assertThat(rooms.find(roomId)).isEmpty();
        as(admin).get(ADMIN + "/v2/rooms/delete_status/nothing").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void the_seed_forms_delete_and_shut_down_rooms() {
        Matrix.Session admin = Matrix.registerAdmin("delseed");
        Matrix.Session alice = Matrix.registerFresh("delseedalice");
        String first = Rooms.create(alice, Map.of("preset", "public_chat"));
        String second = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(admin).body(Map.of()).post(ADMIN + "/v1/rooms/" + first + "/delete").then().statusCode(200)
                .body("kicked_users", hasItem(alice.userId()));
        as(admin).body(Map.of("room_id", second, "block", true)).post(ADMIN + "/v1/shutdown_room").then()
                .statusCode(200).body("kicked_users", hasItem(alice.userId()));
        assertThat(rooms.find(first)).isEmpty();
        assertThat(rooms.find(second)).isEmpty();
        as(alice).body(Map.of()).post(V3 + "/join/" + second).then().statusCode(403);
    }

    @Test
    void purging_history_removes_old_messages_but_keeps_the_rooms_state() {
        Matrix.Session admin = Matrix.registerAdmin("purgeadmin");
        Matrix.Session alice = Matrix.registerFresh("purgealice");
        String word = Matrix.freshName("purgeword").replaceAll("[^a-z]", "");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat", "name", "kept name"));
        String old = Rooms.send(alice, roomId, word + " old");
        String point = Rooms.send(alice, roomId, word + " point");
        String purgeId = as(admin).body(Map.of("purge_up_to_event_id", point, "delete_local_events", true))
                .post(ADMIN + "/v1/purge_history/" + roomId).then().statusCode(200).extract().path("purge_id");
        as(admin).get(ADMIN + "/v1/purge_history_status/" + purgeId).then().statusCode(200)
                .body("status", equalTo("complete"));

        assertThat(events.find(old)).isEmpty();
        assertThat(events.find(point)).isPresent();
        List<String> found = as(alice).body(Map.of("search_categories", Map.of("room_events",
                        Map.of("search_term", word)))).post(V3 + "/search").then().statusCode(200)
                .extract().jsonPath().getList("search_categories.room_events.results.result.event_id", String.class);
        assertThat(found).containsExactly(point);
        as(alice).get(Rooms.path(roomId) + "/state/m.room.name/").then().statusCode(200)
                .body("name", equalTo("kept name"));
        Rooms.send(alice, roomId, "the room still works");
    }

    @Test
    void purge_by_timestamp_and_the_seed_form_keep_local_events_unless_asked() {
        Matrix.Session admin = Matrix.registerAdmin("purgets");
        Matrix.Session alice = Matrix.registerFresh("purgetsalice");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String message = Rooms.send(alice, roomId, "local");
        long future = System.currentTimeMillis() + 60_000;
        as(admin).body(Map.of("room_id", roomId, "purge_up_to_ts", future)).post(ADMIN + "/v1/purge_history").then()
                .statusCode(200).body("purge_id", notNullValue());
        assertThat(events.find(message)).isPresent();
        as(admin).body(Map.of("purge_up_to_ts", future, "delete_local_events", true))
                .post(ADMIN + "/v1/purge_history/" + roomId).then().statusCode(200);
        assertThat(events.find(message)).isEmpty();
        as(admin).body(Map.of()).post(ADMIN + "/v1/purge_history/" + roomId).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(admin).body(Map.of("purge_up_to_ts", future)).post(ADMIN + "/v1/purge_history/!nowhere:localhost").then()
                .statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void deletion_and_purge_are_refused_to_anyone_but_a_server_admin() {
        Matrix.Session alice = Matrix.registerFresh("delnotadmin");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(alice).body(Map.of()).delete(ADMIN + "/v1/rooms/" + roomId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of()).delete(ADMIN + "/v2/rooms/" + roomId).then().statusCode(403);
        as(alice).body(Map.of()).post(ADMIN + "/v1/rooms/" + roomId + "/delete").then().statusCode(403);
        as(alice).body(Map.of("room_id", roomId)).post(ADMIN + "/v1/shutdown_room").then().statusCode(403);
        as(alice).get(ADMIN + "/v2/rooms/" + roomId + "/delete_status").then().statusCode(403);
        as(alice).body(Map.of("purge_up_to_ts", 1)).post(ADMIN + "/v1/purge_history/" + roomId).then()
                .statusCode(403);
        as(alice).get(ADMIN + "/v1/purge_history_status/x").then().statusCode(403);
        json().body(Map.of()).delete(ADMIN + "/v1/rooms/" + roomId).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", hasItem(roomId));
        Matrix.Session admin = Matrix.registerAdmin("delunknown");
        as(admin).body(Map.of()).delete(ADMIN + "/v1/rooms/!nowhere:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).body(Map.of("block", "yes")).delete(ADMIN + "/v1/rooms/" + roomId).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
    }
}
