package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** {@code /directory/room/{roomAlias}} and {@code /rooms/{roomId}/aliases}. */
@QuarkusTest
class RoomAliasesApiTest {
    private static final String DIRECTORY = V3 + "/directory/room/{alias}";

    @Test
    void a_member_names_a_room_and_anybody_can_look_the_name_up() {
        Matrix.Session alice = Matrix.registerFresh("al");
        Matrix.Session bob = Matrix.registerFresh("alb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String alias = Rooms.freshAlias("tea");

        as(alice).body(Map.of("room_id", roomId)).put(DIRECTORY, alias).then().statusCode(200)
                .body("$", equalTo(Map.of()));

        RestAssured.get(DIRECTORY, alias).then().statusCode(200)
                .body("room_id", equalTo(roomId)).body("servers", contains("localhost"));
        RestAssured.get(R0 + "/directory/room/{alias}", alias).then().statusCode(200).body("room_id", equalTo(roomId));
        as(alice).get(path(roomId) + "/aliases").then().statusCode(200).body("aliases", contains(alias));
        as(bob).body(Map.of()).post(V3 + "/join/{alias}", alias).then().statusCode(200)
                .body("room_id", equalTo(roomId));
    }

    @Test
    void an_alias_already_taken_is_a_conflict() {
        Matrix.Session alice = Matrix.registerFresh("ac");
        String first = Rooms.create(alice, Map.of());
        String second = Rooms.create(alice, Map.of());
        String alias = Rooms.freshAlias("taken");
        Rooms.addAlias(alice, alias, first);

        as(alice).body(Map.of("room_id", second)).put(DIRECTORY, alias).then().statusCode(409)
                .body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("Room alias " + alias + " already exists"));
        RestAssured.get(DIRECTORY, alias).then().body("room_id", equalTo(first));
    }

    @Test
    void only_members_may_add_an_alias() {
        Matrix.Session alice = Matrix.registerFresh("ao");
        Matrix.Session eve = Matrix.registerFresh("aoe");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String alias = Rooms.freshAlias("eves");

        as(eve).body(Map.of("room_id", roomId)).put(DIRECTORY, alias).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.get(DIRECTORY, alias).then().statusCode(404);
        Matrix.Session admin = Matrix.registerAdmin("aoadmin");
        as(admin).body(Map.of("room_id", roomId)).put(DIRECTORY, alias).then().statusCode(200);
    }

    @Test
    void bad_aliases_and_unknown_rooms_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("ab");
        String roomId = Rooms.create(alice, Map.of());

        as(alice).body(Map.of("room_id", roomId)).put(DIRECTORY, "#elsewhere:example.org").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("room_id", roomId)).put(DIRECTORY, "no-sigil:localhost").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("room_id", roomId)).put(DIRECTORY, "#two words:localhost").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("room_id", "!nowhere:localhost")).put(DIRECTORY, Rooms.freshAlias("x")).then()
                .statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
        as(alice).body(Map.of()).put(DIRECTORY, Rooms.freshAlias("x")).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("room_id", 7)).put(DIRECTORY, Rooms.freshAlias("x")).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        Matrix.json().body(Map.of("room_id", roomId)).put(DIRECTORY, Rooms.freshAlias("x")).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.get(DIRECTORY, "#nothing-here:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        RestAssured.get(DIRECTORY, "nothing-here").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).delete(DIRECTORY, "#nothing-here:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void the_creator_of_an_alias_moderators_and_admins_may_delete_it_others_may_not() {
        Matrix.Session alice = Matrix.registerFresh("ad");
        Matrix.Session bob = Matrix.registerFresh("adb");
        Matrix.Session carol = Matrix.registerFresh("adc");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Rooms.join(carol, roomId);
        String bobs = Rooms.freshAlias("bobs");
        String more = Rooms.freshAlias("more");
        String third = Rooms.freshAlias("third");
        Rooms.addAlias(bob, bobs, roomId);
        Rooms.addAlias(bob, more, roomId);
        Rooms.addAlias(bob, third, roomId);

        as(carol).delete(DIRECTORY, bobs).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).delete(DIRECTORY, bobs).then().statusCode(200).body("$", equalTo(Map.of()));
        RestAssured.get(DIRECTORY, bobs).then().statusCode(404);
        as(alice).delete(DIRECTORY, more).then().statusCode(200);
        as(Matrix.registerAdmin("adadmin")).delete(DIRECTORY, third).then().statusCode(200);
        as(alice).get(path(roomId) + "/aliases").then().statusCode(200).body("aliases", empty());
    }

    @Test
    void deleting_the_canonical_alias_takes_it_out_of_the_room_state() {
        Matrix.Session alice = Matrix.registerFresh("acn");
        String name = Matrix.freshName("canon");
        String alias = "#" + name + ":localhost";
        String other = Rooms.freshAlias("alt");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "room_alias_name", name));
        Rooms.addAlias(alice, other, roomId);
        Rooms.putState(alice, roomId, "m.room.canonical_alias", Map.of("alias", alias, "alt_aliases", List.of(other)));

        as(alice).delete(DIRECTORY, alias).then().statusCode(200);

        as(alice).get(path(roomId) + "/state/m.room.canonical_alias").then().statusCode(200)
                .body("$", not(hasKey("alias")))
                .body("alt_aliases", contains(other));
    }

    @Test
    void local_aliases_are_shown_to_members_and_to_everybody_in_world_readable_rooms() {
        Matrix.Session alice = Matrix.registerFresh("al2");
        Matrix.Session eve = Matrix.registerFresh("al2e");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String alias = Rooms.freshAlias("listed");
        Rooms.addAlias(alice, alias, roomId);

        as(eve).get(path(roomId) + "/aliases").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).get(path("!nowhere:localhost") + "/aliases").then().statusCode(403);
        Rooms.putState(alice, roomId, "m.room.history_visibility", Map.of("history_visibility", "world_readable"));
        as(eve).get(path(roomId) + "/aliases").then().statusCode(200).body("aliases", contains(alias));
        Matrix.json().get(path(roomId) + "/aliases").then().statusCode(401);
    }

    @Test
    void the_canonical_alias_may_only_name_aliases_that_point_to_the_room() {
        Matrix.Session alice = Matrix.registerFresh("cav");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String otherRoom = Rooms.create(alice, Map.of("preset", "public_chat"));
        String mine = Rooms.freshAlias("cavmine");
        String alt = Rooms.freshAlias("cavalt");
        String elsewhere = Rooms.freshAlias("cavother");
        Rooms.addAlias(alice, mine, roomId);
        Rooms.addAlias(alice, alt, roomId);
        Rooms.addAlias(alice, elsewhere, otherRoom);
        String canonical = path(roomId) + "/state/m.room.canonical_alias";

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("alias", Rooms.freshAlias("cavnone")),
                Map.of("alias", elsewhere),
                Map.of("alias", "#tea:remote.example"),
                Map.of("alias", mine, "alt_aliases", List.of(alt, elsewhere)),
                Map.of("alt_aliases", List.of(Rooms.freshAlias("cavnone"))))) {
            as(alice).body(bad).put(canonical).then().statusCode(400).body("errcode", equalTo("M_BAD_ALIAS"));
        }
        for (Map<String, Object> malformed : List.<Map<String, Object>>of(
                Map.of("alias", "not-an-alias"), Map.of("alias", 7), Map.of("alt_aliases", mine),
                Map.of("alt_aliases", List.of(7)), Map.of("alt_aliases", List.of("no-sigil:localhost")))) {
            as(alice).body(malformed).put(canonical).then().statusCode(400)
                    .body("errcode", equalTo("M_INVALID_PARAM"));
        }
        as(alice).get(canonical).then().statusCode(404);

        Rooms.putState(alice, roomId, "m.room.canonical_alias", Map.of("alias", mine, "alt_aliases", List.of(alt)));
        as(alice).get(canonical).then().statusCode(200).body("alias", equalTo(mine)).body("alt_aliases", contains(alt));
        Rooms.putState(alice, roomId, "m.room.canonical_alias", Map.of("alias", ""));
        Rooms.putState(alice, roomId, "m.room.canonical_alias", Map.of());
    }

    @Test
    void only_the_aliases_an_event_adds_are_checked_and_outsiders_are_refused_first() {
        Matrix.Session alice = Matrix.registerFresh("caw");
        Matrix.Session bob = Matrix.registerFresh("cawb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        String mine = Rooms.freshAlias("cawmine");
        String bobs = Rooms.freshAlias("cawbob");
        Rooms.addAlias(alice, mine, roomId);
        Rooms.addAlias(bob, bobs, roomId);
        String canonical = path(roomId) + "/state/m.room.canonical_alias";
        Rooms.putState(alice, roomId, "m.room.canonical_alias", Map.of("alias", bobs, "alt_aliases", List.of(mine)));
        // Bob may delete his alias but not send m.room.canonical_alias: the state keeps naming it.
        as(bob).delete(DIRECTORY, bobs).then().statusCode(200);
        as(alice).get(canonical).then().body("alias", equalTo(bobs));

        String alt = Rooms.freshAlias("cawalt");
        Rooms.addAlias(alice, alt, roomId);
        Rooms.putState(alice, roomId, "m.room.canonical_alias",
                Map.of("alias", bobs, "alt_aliases", List.of(mine, alt)));
        as(alice).get(canonical).then().body("alias", equalTo(bobs)).body("alt_aliases", contains(mine, alt));
        as(alice).body(Map.of("alias", mine, "alt_aliases", List.of(bobs))).put(canonical).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_ALIAS"));

        as(bob).body(Map.of("alias", Rooms.freshAlias("cawnone"))).put(canonical)
                .then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }
}
