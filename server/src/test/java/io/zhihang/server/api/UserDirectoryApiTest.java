package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /user_directory/search}: people who share a room with the caller or sit in a public room, found by the
 * start of a word of their user id or display name. Names carry a word only the test uses.
 */
@QuarkusTest
class UserDirectoryApiTest {
    private static final String SEARCH = V3 + "/user_directory/search";

    private static JsonPath search(Matrix.Session user, String term, Integer limit) {
        Map<String, Object> body = limit == null ? Map.of("search_term", term)
                : Map.of("search_term", term, "limit", limit);
        return as(user).body(body).post(SEARCH).then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> userIds(Matrix.Session user, String term) {
        return search(user, term, null).getList("results.user_id", String.class);
    }

    /** The random last word of a fresh name ({@code prefix-n-abcdef12}), unique to this run. */
    private static String tag(Matrix.Session user) {
        String localpart = user.localpart();
        return localpart.substring(localpart.lastIndexOf('-') + 1);
    }

    private static void setDisplayName(Matrix.Session user, String name) {
        as(user).body(Map.of("displayname", name)).put(V3 + "/profile/" + user.userId() + "/displayname")
                .then().statusCode(200);
    }

    @Test
    void room_mates_are_found_by_localpart_or_display_name_words() {
        Matrix.Session alice = Matrix.registerFresh("dira");
        Matrix.Session bob = Matrix.registerFresh("dirbob");
        String roomId = Rooms.create(alice, Map.of("invite", List.of(bob.userId())));
        Rooms.join(bob, roomId);
        String name = "Robert " + tag(bob).toUpperCase() + " Builder";
        setDisplayName(bob, name);
        as(bob).body(Map.of("avatar_url", "mxc://localhost/bob")).put(V3 + "/profile/" + bob.userId() + "/avatar_url")
                .then().statusCode(200);

        JsonPath found = search(alice, tag(bob).substring(0, 5), null);
        assertThat(found.getList("results.user_id", String.class)).containsExactly(bob.userId());
        assertThat(found.getString("results[0].display_name")).isEqualTo(name);
        assertThat(found.getString("results[0].avatar_url")).isEqualTo("mxc://localhost/bob");
        assertThat(found.getBoolean("limited")).isFalse();
        assertThat(userIds(alice, "builder " + tag(bob))).containsExactly(bob.userId());
        assertThat(userIds(alice, "dirbob " + tag(bob))).containsExactly(bob.userId());
        assertThat(userIds(alice, tag(bob).substring(2))).as("not the middle of a word").isEmpty();
    }

    @Test
    void strangers_show_only_once_they_are_in_a_public_room() {
        Matrix.Session alice = Matrix.registerFresh("dirs");
        Matrix.Session carol = Matrix.registerFresh("dircarol");
        Matrix.Session dave = Matrix.registerFresh("dirdave");
        String carolsRoom = Rooms.create(carol, Map.of("preset", "private_chat"));
        String davesRoom = Rooms.create(dave, Map.of("preset", "private_chat"));
        assertThat(userIds(alice, tag(carol))).isEmpty();
        assertThat(userIds(alice, tag(dave))).isEmpty();

        Rooms.putState(carol, carolsRoom, "m.room.join_rules", Map.of("join_rule", "public"));
        assertThat(userIds(alice, tag(carol))).containsExactly(carol.userId());

        as(dave).body(Map.of("visibility", "public")).put(V3 + "/directory/list/room/{roomId}", davesRoom)
                .then().statusCode(200);
        assertThat(userIds(alice, tag(dave))).containsExactly(dave.userId());

        Rooms.putState(carol, carolsRoom, "m.room.join_rules", Map.of("join_rule", "invite"));
        assertThat(userIds(alice, tag(carol))).isEmpty();
    }

    @Test
    void every_member_follows_the_join_rule_and_a_room_mate_stays_found_through_the_shared_room() {
        Matrix.Session owner = Matrix.registerFresh("dirj");
        Matrix.Session member = Matrix.registerFresh("dirmember");
        Matrix.Session mate = Matrix.registerFresh("dirmate");
        Matrix.Session stranger = Matrix.registerFresh("dirj");
        String roomId = Rooms.create(owner, Map.of("preset", "private_chat",
                "invite", List.of(member.userId(), mate.userId())));
        Rooms.join(member, roomId);
        Rooms.join(mate, roomId);
        String shared = Rooms.create(stranger, Map.of("preset", "private_chat", "invite", List.of(mate.userId())));
        Rooms.join(mate, shared);
        assertThat(userIds(stranger, tag(member))).as("invite-only room").isEmpty();
        assertThat(userIds(stranger, tag(mate))).as("shares a room").containsExactly(mate.userId());

        Rooms.putState(owner, roomId, "m.room.join_rules", Map.of("join_rule", "public"));
        assertThat(userIds(stranger, tag(member))).containsExactly(member.userId());
        assertThat(userIds(stranger, tag(owner))).containsExactly(owner.userId());

        Rooms.putState(owner, roomId, "m.room.join_rules", Map.of("join_rule", "invite"));
        assertThat(userIds(stranger, tag(member))).isEmpty();
        assertThat(userIds(stranger, tag(owner))).isEmpty();
        assertThat(userIds(stranger, tag(mate))).as("still shares a room").containsExactly(mate.userId());
        assertThat(userIds(member, tag(owner))).as("room mates still find each other")
                .containsExactly(owner.userId());
    }

    @Test
    void members_of_a_world_readable_room_are_found_as_in_a_public_one() {
        Matrix.Session owner = Matrix.registerFresh("dirw");
        Matrix.Session stranger = Matrix.registerFresh("dirw");
        String roomId = Rooms.create(owner, Map.of("preset", "private_chat"));
        assertThat(userIds(stranger, tag(owner))).isEmpty();

        Rooms.putState(owner, roomId, "m.room.history_visibility", Map.of("history_visibility", "world_readable"));
        assertThat(userIds(stranger, tag(owner))).containsExactly(owner.userId());

        Rooms.putState(owner, roomId, "m.room.history_visibility", Map.of("history_visibility", "shared"));
        assertThat(userIds(stranger, tag(owner))).isEmpty();
    }

    @Test
    void invitees_leavers_and_deactivated_users_are_not_listed() {
        Matrix.Session alice = Matrix.registerFresh("dirx");
        Matrix.Session erin = Matrix.registerFresh("direrin");
        Matrix.Session frank = Matrix.registerFresh("dirfrank");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "invite", List.of(erin.userId())));
        assertThat(userIds(alice, tag(erin))).as("only invited").isEmpty();
        Rooms.join(frank, roomId);
        assertThat(userIds(alice, tag(frank))).containsExactly(frank.userId());

        as(frank).body(Map.of("auth", passwordAuth(frank, PASSWORD, null))).post(V3 + "/account/deactivate")
                .then().statusCode(200);
        assertThat(userIds(alice, tag(frank))).isEmpty();
    }

    @Test
    void the_limit_cuts_the_list_and_says_so() {
        Matrix.Session alice = Matrix.registerFresh("dirl");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        String shared = tag(Matrix.registerFresh("x")) + "q";
        for (int i = 0; i < 3; i++) {
            Matrix.Session member = Matrix.registerFresh("dirm");
            setDisplayName(member, shared + " number " + i);
            Rooms.join(member, roomId);
        }

        JsonPath two = search(alice, shared, 2);
        assertThat(two.getList("results")).hasSize(2);
        assertThat(two.getBoolean("limited")).isTrue();
        assertThat(search(alice, shared, null).getList("results")).hasSize(3);
        assertThat(search(alice, shared, 3).getBoolean("limited")).isFalse();
    }

    @Test
    void malformed_requests_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("dire");
        as(alice).body(Map.of()).post(SEARCH).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("search_term", "x", "limit", "ten")).post(SEARCH).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        Matrix.json().body(Map.of("search_term", "x")).post(SEARCH).then().statusCode(401);
        assertThat(search(alice, "  ", null).getList("results")).isEmpty();
    }
}
