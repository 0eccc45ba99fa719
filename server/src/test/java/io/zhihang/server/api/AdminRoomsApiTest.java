package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The admin API's rooms: list, details, members, state, messages, join and make_room_admin. */
@QuarkusTest
class AdminRoomsApiTest {
    static final String ADMIN = "/_synapse/admin";

    @Test
    void an_admin_lists_and_inspects_any_room() {
        Matrix.Session admin = Matrix.registerAdmin("roomsadmin");
        Matrix.Session alice = Matrix.registerFresh("roomsalice");
        Matrix.Session bob = Matrix.registerFresh("roomsbob");
        String name = Matrix.freshName("Listed room");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "name", name));
        Rooms.join(bob, roomId);

        as(admin).queryParam("search_term", name).get(ADMIN + "/v1/rooms").then().statusCode(200)
                .body("total_rooms", equalTo(1)).body("offset", equalTo(0))
                .body("rooms[0].room_id", equalTo(roomId)).body("rooms[0].name", equalTo(name))
                .body("rooms[0].joined_members", equalTo(2)).body("rooms[0].joined_local_members", equalTo(2))
                .body("rooms[0].creator", equalTo(alice.userId())).body("rooms[0].join_rules", equalTo("public"))
                .body("rooms[0].federatable", equalTo(true)).body("rooms[0].encryption", nullValue());
        as(admin).get(ADMIN + "/v1/rooms/" + roomId).then().statusCode(200)
                .body("room_id", equalTo(roomId)).body("name", equalTo(name)).body("joined_members", equalTo(2))
                .body("forgotten", equalTo(false)).body("tombstoned", equalTo(false));
        as(admin).get(ADMIN + "/v1/rooms/" + roomId + "/members").then().statusCode(200)
                .body("members", containsInAnyOrder(alice.userId(), bob.userId())).body("total", equalTo(2));
        as(admin).get(ADMIN + "/v1/rooms/" + roomId + "/state").then().statusCode(200)
                .body("state.type", hasItems("m.room.create", "m.room.name", "m.room.member"));
        as(admin).queryParam("type", "m.room.name").get(ADMIN + "/v1/rooms/" + roomId + "/state").then()
                .statusCode(200).body("state.content.name", containsInAnyOrder(name));
        as(admin).get(ADMIN + "/v1/rooms/!nowhere:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void the_room_list_pages_and_orders() {
        Matrix.Session admin = Matrix.registerAdmin("roomsorder");
        Matrix.Session alice = Matrix.registerFresh("roomsorderalice");
        String prefix = Matrix.freshName("Paged");
        String b = Rooms.create(alice, Map.of("name", prefix + " b"));
        String a = Rooms.create(alice, Map.of("name", prefix + " a"));
        String c = Rooms.create(alice, Map.of("name", prefix + " c"));
        as(admin).queryParam("search_term", prefix).queryParam("limit", 2).get(ADMIN + "/v1/rooms").then()
                .statusCode(200).body("rooms.room_id", equalTo(java.util.List.of(a, b)))
                .body("total_rooms", equalTo(3)).body("next_batch", equalTo(2));
        as(admin).queryParam("search_term", prefix).queryParam("from", 2).queryParam("limit", 2)
                .get(ADMIN + "/v1/rooms").then().statusCode(200).body("rooms.room_id", equalTo(java.util.List.of(c)))
                .body("prev_batch", equalTo(0));
        as(admin).queryParam("search_term", prefix).queryParam("dir", "b").get(ADMIN + "/v1/rooms").then()
                .statusCode(200).body("rooms.room_id", equalTo(java.util.List.of(c, b, a)));
        as(admin).queryParam("order_by", "size").get(ADMIN + "/v1/rooms").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(admin).queryParam("from", -1).get(ADMIN + "/v1/rooms").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void an_admin_reads_the_whole_history_without_being_in_the_room() {
        Matrix.Session admin = Matrix.registerAdmin("roomsmsgs");
        Matrix.Session alice = Matrix.registerFresh("roomsmsgsalice");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String eventId = Rooms.send(alice, roomId, "secret history");
        as(admin).get(Rooms.path(roomId) + "/messages?dir=b").then().statusCode(403);
        as(admin).queryParam("dir", "b").get(ADMIN + "/v1/rooms/" + roomId + "/messages").then().statusCode(200)
                .body("chunk.event_id", hasItem(eventId)).body("chunk.content.body", hasItem("secret history"));
    }

    @Test
    void an_admin_joins_a_local_user_to_a_public_room_or_to_a_private_room_the_admin_is_in() {
        Matrix.Session admin = Matrix.registerAdmin("roomsjoin");
        Matrix.Session alice = Matrix.registerFresh("roomsjoinalice");
        Matrix.Session bob = Matrix.registerFresh("roomsjoinbob");
        String publicRoom = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(admin).body(Map.of("user_id", bob.userId())).post(ADMIN + "/v1/join/" + publicRoom).then().statusCode(200)
                .body("room_id", equalTo(publicRoom));
        as(bob).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", hasItem(publicRoom));

        String privateRoom = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(admin).body(Map.of("user_id", bob.userId())).post(ADMIN + "/v1/join/" + privateRoom).then()
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", not(hasItem(privateRoom)));
        as(alice).body(Map.of("user_id", admin.userId())).post(Rooms.path(privateRoom) + "/invite").then()
                .statusCode(200);
        Rooms.join(admin, privateRoom);
        as(admin).body(Map.of("user_id", bob.userId())).post(ADMIN + "/v1/join/" + privateRoom).then()
                .statusCode(200);
        as(bob).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms", hasItem(privateRoom));

        as(admin).body(Map.of("user_id", "@someone:elsewhere.example")).post(ADMIN + "/v1/join/" + publicRoom).then()
                .statusCode(400);
        as(admin).body(Map.of("user_id", "@" + Matrix.freshName("ghost") + ":localhost"))
                .post(ADMIN + "/v1/join/" + publicRoom).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(admin).body(Map.of()).post(ADMIN + "/v1/join/" + publicRoom).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void make_room_admin_gives_the_admin_the_room_creators_power_and_an_invite() {
        Matrix.Session admin = Matrix.registerAdmin("roomsmkadmin");
        Matrix.Session alice = Matrix.registerFresh("roomsmkalice");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(admin).body(Map.of()).post(ADMIN + "/v1/rooms/" + roomId + "/make_room_admin").then().statusCode(200);
        as(admin).queryParam("type", "m.room.power_levels").get(ADMIN + "/v1/rooms/" + roomId + "/state").then()
                .statusCode(200).body("state[0].content.users.'" + admin.userId() + "'", equalTo(100));
        as(admin).queryParam("type", "m.room.member").get(ADMIN + "/v1/rooms/" + roomId + "/state").then()
                .statusCode(200).body("state.find { it.state_key == '" + admin.userId() + "' }.content.membership",
                        equalTo("invite"));
        Rooms.join(admin, roomId);
        as(admin).body(Map.of("name", "renamed by the admin")).put(Rooms.path(roomId) + "/state/m.room.name/")
                .then().statusCode(200);
    }

    @Test
    void everything_is_refused_to_anyone_but_a_server_admin() {
        Matrix.Session alice = Matrix.registerFresh("roomsnotadmin");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        for (String path : new String[] {"/v1/rooms", "/v1/rooms/" + roomId, "/v1/rooms/" + roomId + "/members",
                "/v1/rooms/" + roomId + "/state", "/v1/rooms/" + roomId + "/messages"}) {
            as(alice).get(ADMIN + path).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
            json().get(ADMIN + path).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        }
        as(alice).body(Map.of("user_id", alice.userId())).post(ADMIN + "/v1/join/" + roomId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of()).post(ADMIN + "/v1/rooms/" + roomId + "/make_room_admin").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
    }
}
