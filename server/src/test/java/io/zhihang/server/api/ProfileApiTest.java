package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProfileApiTest {

    @Test
    void a_user_sets_display_name_and_avatar_and_anyone_reads_them() {
        Matrix.Session alice = Matrix.registerFresh("prof");
        as(alice).body(Map.of("displayname", "Alice Liddell")).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(200).body("$", equalTo(Map.of()));
        as(alice).body(Map.of("avatar_url", "mxc://localhost/abc123")).put(V3 + "/profile/" + alice.userId() + "/avatar_url")
                .then().statusCode(200);
        RestAssured.get(V3 + "/profile/" + alice.userId()).then().statusCode(200)
                .body("displayname", equalTo("Alice Liddell"))
                .body("avatar_url", equalTo("mxc://localhost/abc123"));
        RestAssured.get(R0 + "/profile/" + alice.userId() + "/avatar_url").then().statusCode(200)
                .body("avatar_url", equalTo("mxc://localhost/abc123"));
    }

    @Test
    void the_seed_documents_account_profile_aliases_work() {
        Matrix.Session alice = Matrix.registerFresh("alias");
        as(alice).body(Map.of("displayname", "Via alias"))
                .put(R0 + "/account/profile/" + alice.userId() + "/displayname").then().statusCode(200);
        as(alice).body(Map.of("avatar_url", "mxc://localhost/zzz"))
                .put(R0 + "/account/profile/" + alice.userId() + "/avatar_url").then().statusCode(200);
        RestAssured.get(R0 + "/account/profile/" + alice.userId()).then().statusCode(200)
                .body("displayname", equalTo("Via alias"))
                .body("avatar_url", equalTo("mxc://localhost/zzz"));
    }

    @Test
    void nobody_changes_another_users_profile() {
        Matrix.Session alice = Matrix.registerFresh("victim");
        Matrix.Session mallory = Matrix.registerFresh("mallory");
        as(mallory).body(Map.of("displayname", "pwned")).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        json().body(Map.of("displayname", "anon")).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void unknown_users_and_bad_input() {
        Matrix.Session alice = Matrix.registerFresh("bad");
        RestAssured.get(V3 + "/profile/@nobody-here:localhost").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        RestAssured.get(V3 + "/profile/not-a-user-id").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("displayname", "x".repeat(300))).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("displayname", 5)).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
    }

    @Test
    void a_new_name_or_avatar_shows_in_the_member_event_of_every_joined_room() {
        Matrix.Session alice = Matrix.registerFresh("renamed");
        Matrix.Session bob = Matrix.registerFresh("roommate");
        String first = Rooms.create(alice, Map.of("preset", "public_chat"));
        String second = Rooms.create(alice, Map.of("preset", "public_chat"));
        String left = Rooms.create(alice, Map.of("preset", "public_chat"));
        as(bob).body(Map.of()).post(V3 + "/rooms/" + first + "/join").then().statusCode(200);
        as(alice).body(Map.of()).post(V3 + "/rooms/" + left + "/leave").then().statusCode(200);

        as(alice).body(Map.of("displayname", "Alice Liddell")).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(200);
        as(alice).body(Map.of("avatar_url", "mxc://localhost/rabbit")).put(V3 + "/profile/" + alice.userId() + "/avatar_url")
                .then().statusCode(200);

        for (String room : java.util.List.of(first, second)) {
            as(bob).get(V3 + "/rooms/" + first + "/state/m.room.member/" + alice.userId()).then().statusCode(200)
                    .body("membership", equalTo("join"))
                    .body("displayname", equalTo("Alice Liddell"))
                    .body("avatar_url", equalTo("mxc://localhost/rabbit"));
            as(alice).get(V3 + "/rooms/" + room + "/state/m.room.member/" + alice.userId()).then().statusCode(200)
                    .body("displayname", equalTo("Alice Liddell"));
        }
        java.util.List<String> members = as(bob).get(V3 + "/rooms/" + first + "/messages?dir=b&limit=10")
                .then().statusCode(200).extract().path("chunk.findAll { it.type == 'm.room.member' && it.state_key == '"
                        + alice.userId() + "' }.content.displayname");
        org.assertj.core.api.Assertions.assertThat(members).as("one member event per change, newest first")
                .startsWith("Alice Liddell", "Alice Liddell");
        as(alice).body(Map.of()).post(V3 + "/rooms/" + left + "/join").then().statusCode(200);
        as(alice).get(V3 + "/rooms/" + left + "/state/m.room.member/" + alice.userId()).then().statusCode(200)
                .body("displayname", equalTo("Alice Liddell"));

        as(alice).body(Map.of("displayname", "Alice Liddell")).put(V3 + "/profile/" + alice.userId() + "/displayname")
                .then().statusCode(200);
        java.util.List<String> after = as(bob).get(V3 + "/rooms/" + first + "/messages?dir=b&limit=10")
                .then().statusCode(200).extract().path("chunk.findAll { it.type == 'm.room.member' && it.state_key == '"
                        + alice.userId() + "' }.event_id");
        org.assertj.core.api.Assertions.assertThat(after).as("setting the same name again makes no event")
                .hasSize(members.size());
    }
}
