package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * The seed's direct chats ({@code POST /createDM}, {@code GET /dm}, {@code GET /rooms/{id}/dm},
 * {@code GET /user/{id}/rooms}): one room per pair whoever opens it, listed in both users' {@code m.direct}.
 */
@QuarkusTest
class DirectChatsApiTest {

    static ValidatableResponse createDm(Matrix.Session user, Map<String, Object> body) {
        return as(user).body(body).post(R0 + "/createDM").then();
    }

    static String openDm(Matrix.Session user, Matrix.Session other) {
        return createDm(user, Map.of("user_id", other.userId())).statusCode(200).extract().path("room_id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> direct(Matrix.Session user) {
        return as(user).get(V3 + "/user/" + user.userId() + "/account_data/m.direct").then().statusCode(200)
                .extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> accountData(Map<String, Object> sync) {
        Map<String, Object> section = Syncs.at(sync, "account_data");
        return section == null ? List.of() : (List<Map<String, Object>>) section.get("events");
    }

    @Test
    void a_direct_chat_is_made_once_and_reused_whoever_opens_it() {
        var alice = Matrix.registerFresh("dm-a");
        var bob = Matrix.registerFresh("dm-b");
        String roomId = openDm(alice, bob);
        as(alice).body(Map.of("user_id", bob.userId())).post(V3 + "/createDM").then().statusCode(200)
                .body("room_id", equalTo(roomId));
        assertThat(Syncs.at(Syncs.initial(bob), "rooms", "invite")).containsKey(roomId);
        Map<String, Object> before = Syncs.initial(bob);

        createDm(bob, Map.of("invitee", alice.userId())).statusCode(200).body("room_id", equalTo(roomId));

        assertThat(Syncs.at(Syncs.initial(bob), "rooms", "join")).containsKey(roomId);
        assertThat(direct(alice)).isEqualTo(Map.of(bob.userId(), List.of(roomId)));
        assertThat(direct(bob)).isEqualTo(Map.of(alice.userId(), List.of(roomId)));
        assertThat(accountData(Syncs.since(bob, before))).anySatisfy(e -> {
            assertThat(e).containsEntry("type", "m.direct");
            assertThat(Syncs.at(e, "content")).containsEntry(alice.userId(), List.of(roomId));
        });
        createDm(bob, Map.of("user_ids", List.of(alice.userId()))).statusCode(200).body("room_id", equalTo(roomId));
        createDm(alice, Map.of("invite", List.of(bob.userId()))).statusCode(200).body("room_id", equalTo(roomId));
        as(alice).get(R0 + "/dm").then().statusCode(200).body("rooms", hasSize(1))
                .body("rooms[0].room_id", equalTo(roomId)).body("rooms[0].user_id", equalTo(bob.userId()))
                .body("rooms[0].membership", equalTo("join")).body("rooms[0].other_membership", equalTo("join"));
    }

    @Test
    void two_users_opening_their_chat_at_the_same_moment_get_one_room() throws Exception {
        for (int round = 0; round < 5; round++) {
            var alice = Matrix.registerFresh("dm-x-a");
            var bob = Matrix.registerFresh("dm-x-b");
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(3);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(3)) {
                List<java.util.concurrent.Future<String>> opened = List.of(
                        pool.submit(() -> {
                            start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            return openDm(alice, bob);
                        }),
                        pool.submit(() -> {
                            start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            return openDm(bob, alice);
                        }),
                        pool.submit(() -> {
                            start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            return openDm(alice, bob);
                        }));
                java.util.Set<String> rooms = new java.util.HashSet<>();
                for (var room : opened) {
                    rooms.add(room.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(rooms).as("round %d", round).hasSize(1);
                String roomId = rooms.iterator().next();
                assertThat(direct(alice)).isEqualTo(Map.of(bob.userId(), List.of(roomId)));
                assertThat(direct(bob)).isEqualTo(Map.of(alice.userId(), List.of(roomId)));
            }
        }
    }

    @Test
    void the_invitee_of_an_element_direct_chat_lists_it_once_they_join() {
        var alice = Matrix.registerFresh("dm-el-a");
        var bob = Matrix.registerFresh("dm-el-b");
        String roomId = Rooms.create(alice, Map.of("preset", "trusted_private_chat", "is_direct", true,
                "invite", List.of(bob.userId())));
        as(bob).get(V3 + "/dm").then().statusCode(200).body("rooms", hasSize(1))
                .body("rooms[0].room_id", equalTo(roomId)).body("rooms[0].user_id", equalTo(alice.userId()))
                .body("rooms[0].membership", equalTo("invite")).body("rooms[0].other_membership", equalTo("join"));
        as(bob).get(V3 + "/user/" + bob.userId() + "/account_data/m.direct").then().statusCode(404);
        Map<String, Object> before = Syncs.initial(bob);

        Rooms.join(bob, roomId);

        assertThat(direct(bob)).isEqualTo(Map.of(alice.userId(), List.of(roomId)));
        assertThat(accountData(Syncs.since(bob, before))).anySatisfy(e -> assertThat(e)
                .containsEntry("type", "m.direct"));
        assertThat(openDm(bob, alice)).as("found through bob's own m.direct").isEqualTo(roomId);
        assertThat(openDm(alice, bob)).as("found through bob's m.direct, as alice's has none").isEqualTo(roomId);
        assertThat(direct(alice)).isEqualTo(Map.of(bob.userId(), List.of(roomId)));
        as(bob).get(V3 + "/dm").then().body("rooms", hasSize(1)).body("rooms[0].membership", equalTo("join"));
    }

    @Test
    void a_room_that_is_not_one_to_one_is_not_reused() {
        var alice = Matrix.registerFresh("dm-3-a");
        var bob = Matrix.registerFresh("dm-3-b");
        var carol = Matrix.registerFresh("dm-3-c");
        String group = Rooms.create(alice, Map.of("preset", "public_chat", "is_direct", true,
                "invite", List.of(bob.userId())));
        Rooms.join(bob, group);
        Rooms.join(carol, group);
        as(alice).body(Map.of(bob.userId(), List.of(group)))
                .put(V3 + "/user/" + alice.userId() + "/account_data/m.direct").then().statusCode(200);

        String roomId = openDm(alice, bob);

        assertThat(roomId).isNotEqualTo(group);
        assertThat(direct(alice)).isEqualTo(Map.of(bob.userId(), List.of(group, roomId)));
    }

    @Test
    void the_details_of_a_direct_chat_are_for_its_members() {
        var alice = Matrix.registerFresh("dm-d-a");
        var bob = Matrix.registerFresh("dm-d-b");
        var eve = Matrix.registerFresh("dm-d-e");
        String roomId = openDm(alice, bob);

        as(alice).get(R0 + "/rooms/" + roomId + "/dm").then().statusCode(200)
                .body("room_id", equalTo(roomId)).body("is_direct", equalTo(true))
                .body("other_user_id", equalTo(bob.userId())).body("created_ts", greaterThan(0L))
                .body("members", hasSize(2))
                .body("members.find { it.user_id == '" + alice.userId() + "' }.membership", equalTo("join"))
                .body("members.find { it.user_id == '" + bob.userId() + "' }.membership", equalTo("invite"));
        as(bob).get(V3 + "/rooms/" + roomId + "/dm").then().statusCode(200)
                .body("other_user_id", equalTo(alice.userId()));

        as(eve).get(V3 + "/rooms/" + roomId + "/dm").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).get(V3 + "/rooms/!nowhere:localhost/dm").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        String group = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(alice).get(V3 + "/rooms/" + group + "/dm").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        RestAssured.get(V3 + "/rooms/" + roomId + "/dm").then().statusCode(401);
    }

    @Test
    void opening_a_direct_chat_is_refused_with_oneself_or_a_missing_user() {
        var alice = Matrix.registerFresh("dm-no-a");
        var gone = Matrix.registerFresh("dm-no-g");
        as(gone).body(Map.of("auth", passwordAuth(gone, PASSWORD, null))).post(V3 + "/account/deactivate").then()
                .statusCode(200);

        createDm(alice, Map.of("user_id", alice.userId())).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        createDm(alice, Map.of("user_id", "@nobody-" + System.nanoTime() + ":localhost")).statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        createDm(alice, Map.of("user_id", gone.userId())).statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        createDm(alice, Map.of()).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        createDm(alice, Map.of("user_id", "bob")).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        createDm(alice, Map.of("user_ids", List.of("@x:localhost", "@y:localhost"))).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        Matrix.json().body(Map.of("user_id", gone.userId())).post(R0 + "/createDM").then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).get(V3 + "/dm").then().statusCode(200).body("rooms", hasSize(0));
    }

    @Test
    void a_user_lists_their_own_joined_rooms_and_only_an_admin_anyone_elses() {
        var alice = Matrix.registerFresh("dm-r-a");
        var bob = Matrix.registerFresh("dm-r-b");
        var admin = Matrix.registerAdmin("dm-r-admin");
        String roomId = openDm(alice, bob);
        String invitedOnly = Rooms.create(alice, Map.of("invite", List.of(bob.userId())));

        as(alice).get(R0 + "/user/" + alice.userId() + "/rooms").then().statusCode(200)
                .body("joined_rooms", hasItem(roomId)).body("joined_rooms", hasItem(invitedOnly));
        as(bob).get(V3 + "/user/" + bob.userId() + "/rooms").then().statusCode(200).body("joined_rooms", hasSize(0));
        as(bob).get(V3 + "/user/" + alice.userId() + "/rooms").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(admin).get(V3 + "/user/" + alice.userId() + "/rooms").then().statusCode(200)
                .body("joined_rooms", hasItem(roomId)).body("joined_rooms", not(hasItem("!other:localhost")));
        as(alice).get(V3 + "/user/not-a-user-id/rooms").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }
}
