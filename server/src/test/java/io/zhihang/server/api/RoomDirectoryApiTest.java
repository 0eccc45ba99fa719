package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** {@code /directory/list/room/{roomId}} and {@code /publicRooms}. */
@QuarkusTest
class RoomDirectoryApiTest {
    private static final String LIST = V3 + "/directory/list/room/{roomId}";
    private static final String PUBLIC_ROOMS = V3 + "/publicRooms";

    /** Searches the list for a term only this test's rooms carry (the database is shared by all test classes). */
    private static JsonPath search(Matrix.Session user, String term, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("filter", Map.of("generic_search_term", term));
        return as(user).body(body).post(PUBLIC_ROOMS).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void a_moderator_publishes_a_room_and_it_shows_in_the_public_list() {
        Matrix.Session alice = Matrix.registerFresh("pub");
        String term = Matrix.freshName("Orchid");
        String name = Matrix.freshName("orchids");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "name", "The " + term + " club",
                "topic", "Growing them", "room_alias_name", name));
        RestAssured.get(LIST, roomId).then().statusCode(200).body("visibility", equalTo("private"));
        assertThat(search(alice, term, Map.of()).getList("chunk")).isEmpty();

        as(alice).body(Map.of("visibility", "public")).put(LIST, roomId).then().statusCode(200)
                .body("$", equalTo(Map.of()));

        RestAssured.get(R0 + "/directory/list/room/{roomId}", roomId).then().statusCode(200)
                .body("visibility", equalTo("public"));
        JsonPath found = search(alice, term.toUpperCase(java.util.Locale.ROOT), Map.of());
        assertThat(found.getList("chunk")).hasSize(1);
        assertThat(found.getMap("chunk[0]")).containsAllEntriesOf(Map.of("room_id", roomId,
                "name", "The " + term + " club", "topic", "Growing them", "canonical_alias", "#" + name + ":localhost",
                "num_joined_members", 1, "world_readable", false, "guest_can_join", false, "join_rule", "public"));
        assertThat(found.getMap("chunk[0]")).doesNotContainKeys("avatar_url", "room_type");
        assertThat(found.getInt("total_room_count_estimate")).isEqualTo(1);

        as(alice).body(Map.of("visibility", "private")).put(LIST, roomId).then().statusCode(200);
        assertThat(search(alice, term, Map.of()).getList("chunk")).isEmpty();
    }

    @Test
    void members_without_power_and_outsiders_may_not_publish_server_admins_may() {
        Matrix.Session alice = Matrix.registerFresh("pm");
        Matrix.Session bob = Matrix.registerFresh("pmb");
        Matrix.Session eve = Matrix.registerFresh("pme");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);

        as(bob).body(Map.of("visibility", "public")).put(LIST, roomId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).body(Map.of("visibility", "public")).put(LIST, roomId).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.get(LIST, roomId).then().body("visibility", equalTo("private"));
        as(Matrix.registerAdmin("pmadmin")).body(Map.of()).put(LIST, roomId).then().statusCode(200);
        RestAssured.get(LIST, roomId).then().body("visibility", equalTo("public"));
    }

    @Test
    void unknown_rooms_and_bad_visibilities_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("pu");
        String roomId = Rooms.create(alice, Map.of());

        RestAssured.get(LIST, "!nowhere:localhost").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("visibility", "public")).put(LIST, "!nowhere:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of("visibility", "hidden")).put(LIST, roomId).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        Matrix.json().body(Map.of("visibility", "public")).put(LIST, roomId).then().statusCode(401);
    }

    @Test
    void the_list_is_largest_first_and_pages_forwards_and_back() {
        Matrix.Session alice = Matrix.registerFresh("pg");
        String term = Matrix.freshName("Pagoda");
        String small = Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat", "name", term + " 1"));
        String middle = Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat", "name", term + " 2"));
        String large = Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat", "name", term + " 3"));
        Rooms.join(Matrix.registerFresh("pg1"), middle);
        for (int i = 0; i < 2; i++) {
            Rooms.join(Matrix.registerFresh("pg2"), large);
        }

        JsonPath first = search(alice, term, Map.of("limit", 2));
        assertThat(first.getList("chunk.room_id")).containsExactly(large, middle);
        assertThat(first.getList("chunk.num_joined_members")).containsExactly(3, 2);
        assertThat(first.getInt("total_room_count_estimate")).isEqualTo(3);
        assertThat(first.getMap("$")).doesNotContainKey("prev_batch");

        JsonPath second = search(alice, term, Map.of("limit", 2, "since", first.getString("next_batch")));
        assertThat(second.getList("chunk.room_id")).containsExactly(small);
        assertThat(second.getMap("$")).doesNotContainKey("next_batch");

        JsonPath back = search(alice, term, Map.of("limit", 2, "since", second.getString("prev_batch")));
        assertThat(back.getList("chunk.room_id")).containsExactly(large, middle);
    }

    @Test
    void anybody_may_read_the_list_without_a_token() {
        Matrix.Session alice = Matrix.registerFresh("pa");
        String roomId = Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat"));
        JsonPath first = RestAssured.get(PUBLIC_ROOMS + "?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("chunk")).hasSize(1);

        String since = first.getString("next_batch");
        boolean seen = first.getList("chunk.room_id").contains(roomId);
        for (int pages = 0; since != null && !seen && pages < 500; pages++) {
            JsonPath page = RestAssured.get(PUBLIC_ROOMS + "?limit=50&since=" + since).then().statusCode(200)
                    .extract().jsonPath();
            seen = page.getList("chunk.room_id").contains(roomId);
            since = page.getString("next_batch");
        }
        assertThat(seen).isTrue();
        RestAssured.get(PUBLIC_ROOMS + "?server=localhost&limit=1").then().statusCode(200);
        as(alice).get(PUBLIC_ROOMS).then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer forged").get(PUBLIC_ROOMS).then().statusCode(401)
                .body("errcode", equalTo("M_UNKNOWN_TOKEN"));
    }

    @Test
    void invite_only_rooms_stay_out_of_the_list_unless_world_readable() {
        Matrix.Session alice = Matrix.registerFresh("pi");
        String term = Matrix.freshName("Vault");
        String roomId = Rooms.create(alice, Map.of("visibility", "public", "preset", "private_chat", "name", term));
        assertThat(search(alice, term, Map.of()).getList("chunk")).isEmpty();

        Rooms.putState(alice, roomId, "m.room.history_visibility", Map.of("history_visibility", "world_readable"));

        JsonPath found = search(alice, term, Map.of());
        assertThat(found.getList("chunk.room_id")).containsExactly(roomId);
        assertThat(found.getBoolean("chunk[0].world_readable")).isTrue();
        assertThat(found.getBoolean("chunk[0].guest_can_join")).isTrue();
        assertThat(found.getString("chunk[0].join_rule")).isEqualTo("invite");
    }

    @Test
    void the_search_looks_at_topic_and_alias_too_and_room_types_filter() {
        Matrix.Session alice = Matrix.registerFresh("ps");
        String term = Matrix.freshName("quokka");
        String byTopic = Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat",
                "topic", "All about " + term.toUpperCase(java.util.Locale.ROOT)));
        String space = Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat",
                "room_alias_name", term + "-space", "creation_content", Map.of("type", "m.space")));

        assertThat(search(alice, term, Map.of()).getList("chunk.room_id")).containsExactlyInAnyOrder(byTopic, space);
        assertThat(searchTypes(alice, term, Arrays.asList("m.space")).getList("chunk.room_id")).containsExactly(space);
        assertThat(searchTypes(alice, term, Arrays.asList((String) null)).getList("chunk.room_id"))
                .containsExactly(byTopic);
        assertThat(search(alice, term, Map.of()).getString("chunk.find { it.room_id == '" + space + "' }.room_type"))
                .isEqualTo("m.space");
    }

    private static JsonPath searchTypes(Matrix.Session user, String term, List<String> roomTypes) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("generic_search_term", term);
        filter.put("room_types", roomTypes);
        return as(user).body(Map.of("filter", filter)).post(PUBLIC_ROOMS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void bad_requests_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("pb");
        Rooms.create(alice, Map.of("visibility", "public", "preset", "public_chat"));

        as(alice).body(Map.of("include_all_networks", true, "third_party_instance_id", "irc")).post(PUBLIC_ROOMS)
                .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("third_party_instance_id", "irc")).post(PUBLIC_ROOMS).then().statusCode(200)
                .body("chunk", empty()).body("total_room_count_estimate", equalTo(0))
                .body("$", not(hasKey("next_batch")));
        as(alice).body(Map.of("since", "garbage!")).post(PUBLIC_ROOMS).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        RestAssured.get(PUBLIC_ROOMS + "?since=garbage!").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("limit", "ten")).post(PUBLIC_ROOMS).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("limit", -1)).post(PUBLIC_ROOMS).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("filter", Map.of("room_types", List.of(1)))).post(PUBLIC_ROOMS).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        RestAssured.get(PUBLIC_ROOMS + "?server=other.example").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        RestAssured.get(PUBLIC_ROOMS + "?limit=many").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        Matrix.json().body(Map.of()).post(PUBLIC_ROOMS).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).post(PUBLIC_ROOMS).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body(Map.of()).post(PUBLIC_ROOMS).then().statusCode(200).body("chunk", not(empty()));
        as(alice).body(Map.of("limit", 1)).post(PUBLIC_ROOMS).then().statusCode(200)
                .body("chunk.room_id", contains(org.hamcrest.Matchers.startsWith("!")));
    }
}
