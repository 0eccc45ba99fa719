package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** What the member events made by the membership endpoints hold besides {@code membership} (as Synapse). */
@QuarkusTest
class MemberEventContentApiTest {

    @Test
    void joining_by_alias_keeps_the_whole_body_with_a_per_room_name_and_without_the_authorising_user() {
        Matrix.Session alice = Matrix.registerFresh("jca");
        Matrix.Session bob = Matrix.registerFresh("jcb");
        as(bob).body(Map.of("displayname", "Bob Global")).put(V3 + "/profile/" + bob.userId() + "/displayname")
                .then().statusCode(200);
        String alias = Rooms.freshAlias("jc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.addAlias(alice, alias, roomId);

        as(bob).body(Map.of("reason", "tea time", "displayname", "Bob in here", "com.example.badge", "gold",
                        "join_authorised_via_users_server", alice.userId()))
                .post(V3 + "/join/{alias}", alias).then().statusCode(200).body("room_id", equalTo(roomId));

        as(alice).get(path(roomId) + "/state/m.room.member/" + bob.userId()).then().statusCode(200)
                .body("membership", equalTo("join"))
                .body("reason", equalTo("tea time"))
                .body("displayname", equalTo("Bob in here"))
                .body("'com.example.badge'", equalTo("gold"))
                .body("$", not(hasKey("join_authorised_via_users_server")));
    }

    @Test
    void joining_by_room_id_keeps_only_the_reason_and_the_profile() {
        Matrix.Session alice = Matrix.registerFresh("jra");
        Matrix.Session bob = Matrix.registerFresh("jrb");
        as(bob).body(Map.of("displayname", "Bob Global")).put(V3 + "/profile/" + bob.userId() + "/displayname")
                .then().statusCode(200);
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String other = Rooms.create(alice, Map.of("preset", "public_chat"));

        as(bob).body(Map.of("reason", "hello", "displayname", "Not kept", "com.example.badge", "gold"))
                .post(path(roomId) + "/join").then().statusCode(200).body("room_id", equalTo(roomId));
        as(alice).get(path(roomId) + "/state/m.room.member/" + bob.userId()).then().statusCode(200)
                .body("membership", equalTo("join"))
                .body("reason", equalTo("hello"))
                .body("displayname", equalTo("Bob Global"))
                .body("$", not(hasKey("com.example.badge")));

        as(bob).body(Map.of()).post(V3 + "/join/" + other).then().statusCode(200);
        as(alice).get(path(other) + "/state/m.room.member/" + bob.userId()).then().statusCode(200)
                .body("displayname", equalTo("Bob Global"))
                .body("$", not(hasKey("reason")));
    }

    @Test
    void a_per_room_name_over_256_characters_is_refused() {
        Matrix.Session alice = Matrix.registerFresh("jla");
        Matrix.Session bob = Matrix.registerFresh("jlb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(bob).body(Map.of("displayname", "x".repeat(257))).post(V3 + "/join/" + roomId).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).get(path(roomId) + "/state/m.room.member/" + bob.userId()).then().statusCode(404);
        as(bob).body(Map.of("displayname", "x".repeat(256))).post(V3 + "/join/" + roomId).then().statusCode(200);
    }

    @Test
    void invite_leave_kick_ban_and_unban_put_their_reason_in_the_member_event() {
        Matrix.Session alice = Matrix.registerFresh("rsa");
        Matrix.Session bob = Matrix.registerFresh("rsb");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String member = path(roomId) + "/state/m.room.member/" + bob.userId();

        as(alice).body(Map.of("user_id", bob.userId(), "reason", "come in", "com.example.x", 1))
                .post(path(roomId) + "/invite").then().statusCode(200);
        as(alice).get(member).then().body("membership", equalTo("invite")).body("reason", equalTo("come in"))
                .body("$", not(hasKey("com.example.x")));
        Rooms.join(bob, roomId);
        as(bob).body(Map.of("reason", "bye")).post(path(roomId) + "/leave").then().statusCode(200);
        as(alice).get(member).then().body("membership", equalTo("leave")).body("reason", equalTo("bye"));
        as(alice).body(Map.of("user_id", bob.userId(), "reason", "spam")).post(path(roomId) + "/ban")
                .then().statusCode(200);
        as(alice).get(member).then().body("membership", equalTo("ban")).body("reason", equalTo("spam"));
        as(alice).body(Map.of("user_id", bob.userId(), "reason", "forgiven")).post(path(roomId) + "/unban")
                .then().statusCode(200);
        as(alice).get(member).then().body("membership", equalTo("leave")).body("reason", equalTo("forgiven"));
    }
}
