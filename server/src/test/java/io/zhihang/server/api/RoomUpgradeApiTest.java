package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /rooms/{roomId}/upgrade}. */
@QuarkusTest
class RoomUpgradeApiTest {

    private static String upgrade(Matrix.Session user, String roomId, String version) {
        return as(user).body(Map.of("new_version", version)).post(path(roomId) + "/upgrade")
                .then().log().ifValidationFails().statusCode(200)
                .body("replacement_room", startsWith("!")).extract().path("replacement_room");
    }

    private static String stateEventId(Matrix.Session user, String roomId, String type) {
        return as(user).get(path(roomId) + "/state").then().statusCode(200).extract().jsonPath()
                .getString("find { it.type == '" + type + "' }.event_id");
    }

    @Test
    void an_upgrade_replaces_the_room_and_carries_its_state_aliases_bans_and_listing_over() {
        Matrix.Session alice = Matrix.registerFresh("up");
        Matrix.Session bob = Matrix.registerFresh("upb");
        Matrix.Session carol = Matrix.registerFresh("upc");
        String name = Matrix.freshName("garden");
        String alias = "#" + name + ":localhost";
        String old = Rooms.create(alice, Map.of("room_version", "10", "preset", "public_chat", "visibility", "public",
                "name", "Garden", "topic", "Roses", "room_alias_name", name));
        Rooms.join(bob, old);
        Rooms.join(carol, old);
        as(alice).body(Map.of("user_id", carol.userId(), "reason", "weeds")).post(path(old) + "/ban")
                .then().statusCode(200);

        String replacement = upgrade(alice, old, "11");

        String tombstone = stateEventId(alice, old, "m.room.tombstone");
        as(alice).get(path(old) + "/state/m.room.tombstone").then().statusCode(200)
                .body("replacement_room", equalTo(replacement))
                .body("body", equalTo("This room has been replaced"));
        as(alice).get(path(replacement) + "/state/m.room.create").then().statusCode(200)
                .body("room_version", equalTo("11"))
                .body("predecessor.room_id", equalTo(old))
                .body("predecessor.event_id", equalTo(tombstone))
                .body("$", not(hasKey("creator")));
        as(alice).get(path(replacement) + "/state/m.room.name").then().body("name", equalTo("Garden"));
        as(alice).get(path(replacement) + "/state/m.room.topic").then().body("topic", equalTo("Roses"));
        as(alice).get(path(replacement) + "/state/m.room.join_rules").then().body("join_rule", equalTo("public"));
        as(alice).get(path(replacement) + "/state/m.room.power_levels").then()
                .body("users.'" + alice.userId() + "'", equalTo(100));
        as(alice).get(path(replacement) + "/state/m.room.member/" + carol.userId()).then()
                .body("membership", equalTo("ban")).body("reason", equalTo("weeds"));

        RestAssured.get(V3 + "/directory/room/{alias}", alias).then().body("room_id", equalTo(replacement));
        as(alice).get(path(replacement) + "/state/m.room.canonical_alias").then().body("alias", equalTo(alias));
        as(alice).get(path(old) + "/state/m.room.canonical_alias").then().body("$", not(hasKey("alias")));
        as(alice).get(path(replacement) + "/aliases").then().body("aliases", contains(alias));
        RestAssured.get(V3 + "/directory/list/room/{id}", replacement).then().body("visibility", equalTo("public"));
        RestAssured.get(V3 + "/directory/list/room/{id}", old).then().body("visibility", equalTo("private"));

        as(alice).get(path(old) + "/state/m.room.power_levels").then()
                .body("events_default", equalTo(50)).body("invite", equalTo(50));
        as(bob).body(Map.of("msgtype", "m.text", "body", "still here?"))
                .put(path(old) + "/send/m.room.message/late").then().statusCode(403);
        as(bob).body(Map.of()).post(V3 + "/join/{alias}", alias).then().statusCode(200)
                .body("room_id", equalTo(replacement));
        as(carol).body(Map.of()).post(path(replacement) + "/join").then().statusCode(403);
    }

    @Test
    void an_upgrade_to_v12_names_the_new_room_by_its_create_event_and_its_creator_needs_no_level() {
        Matrix.Session alice = Matrix.registerFresh("up12");
        Matrix.Session bob = Matrix.registerFresh("up12b");
        String old = Rooms.create(alice, Map.of("room_version", "11", "preset", "public_chat", "name", "Orchard",
                "power_level_content_override", Map.of("users", Map.of(alice.userId(), 100, bob.userId(), 50))));
        Rooms.join(bob, old);

        String replacement = upgrade(alice, old, "12");

        assertThat(replacement).matches("![A-Za-z0-9_-]{43}");
        as(alice).get(path(old) + "/state/m.room.tombstone").then().statusCode(200)
                .body("replacement_room", equalTo(replacement));
        as(alice).get(path(replacement) + "/state/m.room.create").then().statusCode(200)
                .body("room_version", equalTo("12"))
                .body("predecessor.room_id", equalTo(old))
                .body("predecessor", not(hasKey("event_id")));
        as(alice).get(path(replacement) + "/state/m.room.name").then().body("name", equalTo("Orchard"));
        as(alice).get(path(replacement) + "/state/m.room.power_levels").then().statusCode(200)
                .body("users", not(hasKey(alice.userId())))
                .body("users.'" + bob.userId() + "'", equalTo(50));
        as(alice).body(Map.of("topic", "Apples")).put(path(replacement) + "/state/m.room.topic")
                .then().statusCode(200);
        as(bob).body(Map.of()).post(path(replacement) + "/join").then().statusCode(200);
        assertThat(upgrade(alice, old, "12")).as("a retry gets the same room").isEqualTo(replacement);
    }

    @Test
    void a_repeated_request_is_answered_with_the_replacement_already_made() {
        Matrix.Session alice = Matrix.registerFresh("uu");
        String old = Rooms.create(alice, Map.of("preset", "public_chat"));

        String replacement = upgrade(alice, old, "11");

        assertThat(upgrade(alice, old, "11")).isEqualTo(replacement);
        as(alice).get(V3 + "/joined_rooms").then().body("joined_rooms",
                containsInAnyOrder(old, replacement));
        assertThat(upgrade(alice, old, "10")).isNotEqualTo(replacement);
    }

    @Test
    void an_upgrader_below_the_highest_state_level_is_lifted_while_copying_and_then_restored() {
        Matrix.Session alice = Matrix.registerFresh("ul");
        Matrix.Session bob = Matrix.registerFresh("ulb");
        String old = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, old);
        Rooms.putState(alice, old, "m.room.history_visibility", Map.of("history_visibility", "joined"));
        JsonPath levels = as(alice).get(path(old) + "/state/m.room.power_levels").then().extract().jsonPath();
        Map<String, Object> users = new java.util.HashMap<>(levels.getMap("users"));
        users.put(bob.userId(), 50);
        Map<String, Object> events = new java.util.HashMap<>(levels.getMap("events"));
        events.put("m.room.tombstone", 50);
        Map<String, Object> content = new java.util.HashMap<>(levels.getMap("$"));
        content.put("users", users);
        content.put("events", events);
        Rooms.putState(alice, old, "m.room.power_levels", content);

        String replacement = as(bob).body(Map.of("new_version", "11")).post(R0 + "/rooms/" + old + "/upgrade")
                .then().statusCode(200).extract().path("replacement_room");

        as(bob).get(path(replacement) + "/state/m.room.history_visibility").then()
                .body("history_visibility", equalTo("joined"));
        as(bob).get(path(replacement) + "/state/m.room.power_levels").then()
                .body("users.'" + bob.userId() + "'", equalTo(50))
                .body("users.'" + alice.userId() + "'", equalTo(100))
                .body("events.'m.room.tombstone'", equalTo(50));
        var powerEvents = as(bob).get(path(replacement) + "/messages?dir=f&limit=50").then().extract().jsonPath()
                .getList("chunk.findAll { it.type == 'm.room.power_levels' }.content.users.'" + bob.userId() + "'",
                        Integer.class);
        assertThat(powerEvents).containsExactly(100, 50);
    }

    @Test
    void outsiders_members_without_power_and_unknown_versions_are_refused_and_nothing_changes() {
        Matrix.Session alice = Matrix.registerFresh("ur");
        Matrix.Session bob = Matrix.registerFresh("urb");
        Matrix.Session eve = Matrix.registerFresh("ure");
        String old = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, old);

        as(bob).body(Map.of("new_version", "11")).post(path(old) + "/upgrade").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).body(Map.of("new_version", "11")).post(path(old) + "/upgrade").then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(alice).body(Map.of("new_version", "999")).post(path(old) + "/upgrade").then().statusCode(400)
                .body("errcode", equalTo("M_UNSUPPORTED_ROOM_VERSION"));
        as(alice).body(Map.of()).post(path(old) + "/upgrade").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("new_version", "11")).post(path("!nowhere:localhost") + "/upgrade").then()
                .statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        Matrix.json().body(Map.of("new_version", "11")).post(path(old) + "/upgrade").then().statusCode(401);

        as(alice).get(path(old) + "/state/m.room.tombstone").then().statusCode(404);
        as(alice).get(V3 + "/joined_rooms").then().body("joined_rooms", contains(old));
    }
}
