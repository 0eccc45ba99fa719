package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Friends.ROOT;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Blocks are the blocker's {@code m.ignored_user_list}: one list seen from two sides (ADR 0009). */
@QuarkusTest
class FriendBlocksApiTest {

    private static List<String> blocked(Matrix.Session of) {
        return as(of).get(ROOT + "/friend/blocks/" + of.userId()).then().statusCode(200).extract().jsonPath()
                .getList("blocked_users.user_id", String.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ignoreList(Matrix.Session of) {
        return as(of).get(V3 + "/user/" + of.userId() + "/account_data/m.ignored_user_list").then().statusCode(200)
                .extract().as(Syncs.MAP);
    }

    @Test
    void a_block_is_an_ignore_list_entry_and_an_ignore_is_a_block() {
        Matrix.Session alice = Matrix.registerFresh("fbl");
        Matrix.Session mallory = Matrix.registerFresh("fbl");
        Matrix.Session eve = Matrix.registerFresh("fbl");
        Friends.ignore(alice, eve.userId());
        assertThat(blocked(alice)).as("Element's ignore shows as a block").containsExactly(eve.userId());

        as(alice).body(Map.of("user_id", mallory.userId(), "reason", "spam"))
                .post(ROOT + "/friend/blocks/" + alice.userId()).then().statusCode(200)
                .body("status", equalTo("blocked"));
        assertThat(Syncs.at(ignoreList(alice), "ignored_users")).containsOnlyKeys(eve.userId(), mallory.userId());
        var list = as(alice).get(ROOT + "/friend/blocks/" + alice.userId()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(list.getString("blocked_users.find { it.user_id == '" + mallory.userId() + "' }.reason"))
                .isEqualTo("spam");

        as(alice).delete(ROOT + "/friend/blocks/" + alice.userId() + "/" + eve.userId()).then().statusCode(200)
                .body("status", equalTo("unblocked"));
        assertThat(Syncs.at(ignoreList(alice), "ignored_users")).containsOnlyKeys(mallory.userId());
        as(alice).body(Map.of("user_id", mallory.userId())).delete(ROOT + "/friend/blocks/" + alice.userId()).then()
                .statusCode(200);
        assertThat(blocked(alice)).isEmpty();
        as(alice).delete(ROOT + "/friend/blocks/" + alice.userId() + "/" + mallory.userId()).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void a_block_ends_the_friendship_withdraws_requests_and_refuses_requests_both_ways_alike() {
        Matrix.Session alice = Matrix.registerFresh("fbf");
        Matrix.Session bob = Matrix.registerFresh("fbf");
        Matrix.Session mallory = Matrix.registerFresh("fbf");
        Friends.befriend(alice, bob);
        String pending = Friends.requestId(mallory, alice);
        Friends.block(alice, bob).statusCode(200);
        Friends.block(alice, mallory).statusCode(200);
        assertThat(Friends.friendIds(alice)).isEmpty();
        assertThat(Friends.friendIds(bob)).isEmpty();
        assertThat(as(alice).get(ROOT + "/friend/requests/" + alice.userId()).then().statusCode(200).extract()
                .jsonPath().getList("incoming")).isEmpty();
        Friends.accept(alice, pending).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));

        String mine = Friends.request(alice, mallory).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .extract().path("error");
        String theirs = Friends.request(mallory, alice).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .extract().path("error");
        assertThat(theirs).as("no leak of who blocked whom").isEqualTo(mine);
        Friends.block(alice, alice).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of()).post(ROOT + "/friend/blocks/" + alice.userId()).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(mallory).body(Map.of("user_id", bob.userId())).post(ROOT + "/friend/blocks/" + alice.userId()).then()
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void an_ignore_made_in_element_after_a_request_withdraws_it() {
        Matrix.Session alice = Matrix.registerFresh("fbr");
        Matrix.Session bob = Matrix.registerFresh("fbr");
        String id = Friends.requestId(alice, bob);
        Friends.ignore(bob, alice.userId());
        assertThat(as(bob).get(ROOT + "/friend/requests/" + bob.userId()).then().statusCode(200).extract()
                .jsonPath().getList("incoming")).isEmpty();
        Friends.accept(bob, id).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        Friends.request(alice, bob).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void an_ignore_made_in_element_ends_the_friendship_as_a_block_does() {
        Matrix.Session alice = Matrix.registerFresh("fbe");
        Matrix.Session bob = Matrix.registerFresh("fbe");
        Matrix.Session carol = Matrix.registerFresh("fbe");
        Friends.befriend(alice, bob);
        Friends.befriend(alice, carol);
        Friends.ignore(alice, bob.userId());
        assertThat(Friends.friendIds(alice)).containsExactly(carol.userId());
        assertThat(Friends.friendIds(bob)).isEmpty();
        assertThat(blocked(alice)).containsExactly(bob.userId());
    }

    @Test
    void a_blocked_users_messages_leave_the_blockers_sync_and_history() {
        Matrix.Session alice = Matrix.registerFresh("fbm");
        Matrix.Session bob = Matrix.registerFresh("fbm");
        Matrix.Session mallory = Matrix.registerFresh("fbm");
        String roomId = Rooms.create(bob, Map.of("preset", "public_chat"));
        Rooms.join(alice, roomId);
        Rooms.join(mallory, roomId);
        Friends.block(alice, mallory).statusCode(200);
        Map<String, Object> before = Syncs.initial(alice);
        Rooms.send(mallory, roomId, "from mallory");
        Rooms.send(bob, roomId, "from bob");

        assertThat(Syncs.bodies(Syncs.timeline(Syncs.since(alice, before), roomId))).containsExactly("from bob");
        assertThat(as(alice).get(path(roomId) + "/messages?dir=b&limit=20").then().statusCode(200).extract()
                .jsonPath().getList("chunk.findAll { it.type == 'm.room.message' }.content.body", String.class))
                .containsExactly("from bob");
        assertThat(Syncs.bodies(Syncs.timeline(Syncs.since(bob, before), roomId)))
                .containsExactly("from mallory", "from bob");
    }
}
