package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Friends.ROOT;
import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The friend API's requests and friends (issue 17, ADR 0009): send, list, accept, decline, the paged friend list,
 * removal, and what reaches the addressee through {@code /sync}.
 */
@QuarkusTest
class FriendsApiTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> inbox(Map<String, Object> sync) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) Syncs.at(sync, "account_data").get("events");
        return events.stream().filter(e -> "io.zhihang.friend_requests".equals(e.get("type")))
                .map(e -> (Map<String, Object>) e.get("content")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pending(Map<String, Object> content) {
        return (List<Map<String, Object>>) content.get("requests");
    }

    @Test
    void a_request_reaches_the_addressee_through_sync_and_accepting_opens_a_direct_chat_both_are_in() {
        Matrix.Session alice = Matrix.registerFresh("fra");
        Matrix.Session bob = Matrix.registerFresh("fra");
        Map<String, Object> before = Syncs.initial(bob);

        String id = as(alice).body(Map.of("message", "hi, it's Alice")).post(ROOT + "/friend/request/" + bob.userId())
                .then().statusCode(200).body("status", equalTo("pending")).extract().path("request_id");
        assertThat(Friends.requestId(alice, bob)).as("a repeat is the same request").isEqualTo(id);

        List<Map<String, Object>> seen = inbox(Syncs.since(bob, before));
        assertThat(seen).hasSize(1);
        assertThat(pending(seen.getFirst())).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("request_id", id).containsEntry("sender", alice.userId())
                    .containsEntry("message", "hi, it's Alice").containsKey("created_ts");
        });

        var lists = as(bob).get(ROOT + "/friend/requests/" + bob.userId()).then().statusCode(200).extract().jsonPath();
        assertThat(lists.getList("incoming.request_id", String.class)).containsExactly(id);
        assertThat(lists.getList("requests.request_id", String.class)).containsExactly(id);
        assertThat(lists.getString("incoming[0].sender.user_id")).isEqualTo(alice.userId());
        assertThat(lists.getString("incoming[0].addressee")).isEqualTo(bob.userId());
        assertThat(lists.getString("incoming[0].status")).isEqualTo("pending");
        assertThat(lists.getInt("count")).isEqualTo(1);
        assertThat(as(alice).get(ROOT + "/friend/requests/" + alice.userId()).then().statusCode(200).extract()
                .jsonPath().getList("outgoing.request_id", String.class)).containsExactly(id);

        Map<String, Object> beforeAccept = Syncs.initial(bob);
        String roomId = Friends.accept(bob, id).statusCode(200).body("status", equalTo("accepted")).extract()
                .path("room_id");
        assertThat(roomId).startsWith("!");
        assertThat(pending(inbox(Syncs.since(bob, beforeAccept)).getFirst())).isEmpty();

        Rooms.join(alice, roomId);
        as(bob).get(V3 + "/rooms/" + roomId + "/joined_members").then().statusCode(200)
                .body("joined." + "'" + alice.userId() + "'", org.hamcrest.Matchers.notNullValue());
        as(bob).get(V3 + "/user/" + bob.userId() + "/account_data/m.direct").then().statusCode(200)
                .body("'" + alice.userId() + "'", hasItem(roomId));
        assertThat(Friends.friendIds(alice)).containsExactly(bob.userId());
        assertThat(Friends.friendIds(bob)).containsExactly(alice.userId());
        Friends.accept(bob, id).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        Friends.request(alice, bob).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void crossed_requests_make_friends_and_a_declined_request_cannot_be_answered_again() {
        Matrix.Session alice = Matrix.registerFresh("frc");
        Matrix.Session bob = Matrix.registerFresh("frc");
        Matrix.Session carol = Matrix.registerFresh("frc");
        String id = Friends.requestId(alice, bob);
        Friends.request(bob, alice).statusCode(200).body("status", equalTo("accepted"))
                .body("request_id", equalTo(id)).body("room_id", org.hamcrest.Matchers.startsWith("!"));
        assertThat(Friends.friendIds(alice)).containsExactly(bob.userId());

        String toCarol = Friends.requestId(alice, carol);
        Friends.accept(alice, toCarol).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        Friends.accept(bob, toCarol).statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        Friends.accept(carol, "no-such-request").statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(carol).post(ROOT + "/friend/request/" + toCarol + "/decline").then().statusCode(200)
                .body("status", equalTo("declined"));
        as(carol).post(ROOT + "/friend/request/" + toCarol + "/decline").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        Friends.accept(carol, toCarol).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        assertThat(Friends.friendIds(carol)).isEmpty();
        assertThat(Friends.requestId(alice, carol)).as("after a decline, a new request").isNotEqualTo(toCarol);
    }

    @Test
    void refusals_self_unknown_invalid_and_other_users_paths() {
        Matrix.Session alice = Matrix.registerFresh("frr");
        Matrix.Session bob = Matrix.registerFresh("frr");
        Friends.request(alice, alice).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of()).post(ROOT + "/friend/request/@nobody-here:localhost").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).body(Map.of()).post(ROOT + "/friend/request/not-a-user").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("message", "x".repeat(501))).post(ROOT + "/friend/request/" + bob.userId()).then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        for (String path : List.of("/friends/", "/friend/requests/", "/friend/blocks/", "/friend/categories/",
                "/friend/recommendations/")) {
            as(alice).get(ROOT + path + bob.userId()).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
            as(alice).get(ROOT + path + "bad").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        }
        as(alice).delete(ROOT + "/friends/" + bob.userId() + "/" + alice.userId()).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        io.restassured.RestAssured.get(ROOT + "/friends/" + alice.userId()).then().statusCode(401);

        Matrix.Session admin = Matrix.registerAdmin("fradm");
        as(admin).get(ROOT + "/friend/requests/" + alice.userId()).then().statusCode(200);
    }

    @Test
    void the_seed_form_names_the_addressee_in_the_body() {
        Matrix.Session alice = Matrix.registerFresh("frs");
        Matrix.Session bob = Matrix.registerFresh("frs");
        String id = as(alice).body(Map.of("user_id", bob.userId())).post(ROOT + "/friend/request/" + alice.userId())
                .then().statusCode(200).body("status", equalTo("pending")).extract().path("request_id");
        assertThat(as(bob).get(ROOT + "/friend/requests/" + bob.userId()).then().statusCode(200).extract()
                .jsonPath().getList("incoming.request_id", String.class)).containsExactly(id);
    }

    @Test
    void friends_are_paged_and_removing_one_is_mutual() {
        Matrix.Session alice = Matrix.registerFresh("frp");
        List<Matrix.Session> others = List.of(Matrix.registerFresh("frp"), Matrix.registerFresh("frp"),
                Matrix.registerFresh("frp"));
        for (Matrix.Session other : others) {
            Friends.befriend(alice, other);
        }
        List<String> expected = others.stream().map(Matrix.Session::userId).sorted().toList();
        var first = as(alice).get(ROOT + "/friends/" + alice.userId() + "?limit=2").then().statusCode(200)
                .body("count", equalTo(3)).extract().jsonPath();
        assertThat(first.getList("friends.user_id", String.class)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(first.getList("friends[0].categories")).isEmpty();
        assertThat(first.getLong("friends[0].since_ts")).isPositive();
        String next = first.getString("next_batch");
        var second = as(alice).get(ROOT + "/friends/" + alice.userId() + "?limit=2&from=" + next).then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("friends.user_id", String.class)).containsExactly(expected.get(2));
        assertThat(second.getString("next_batch")).isNull();
        as(alice).get(ROOT + "/friends/" + alice.userId() + "?from=%25%25").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));

        Matrix.Session gone = others.getFirst();
        as(gone).delete(ROOT + "/friends/" + gone.userId() + "/" + alice.userId()).then().statusCode(200)
                .body("status", equalTo("removed"));
        assertThat(Friends.friendIds(alice)).doesNotContain(gone.userId()).hasSize(2);
        assertThat(Friends.friendIds(gone)).isEmpty();
        as(alice).delete(ROOT + "/friends/" + alice.userId() + "/" + gone.userId()).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void deactivation_removes_friendships_and_pending_requests() {
        Matrix.Session alice = Matrix.registerFresh("frd");
        Matrix.Session bob = Matrix.registerFresh("frd");
        Matrix.Session carol = Matrix.registerFresh("frd");
        Friends.befriend(alice, bob);
        Friends.requestId(alice, carol);
        as(alice).body(Map.of("auth", passwordAuth(alice, PASSWORD, null))).post(V3 + "/account/deactivate").then()
                .statusCode(200);
        assertThat(Friends.friendIds(bob)).isEmpty();
        assertThat(as(carol).get(ROOT + "/friend/requests/" + carol.userId()).then().statusCode(200).extract()
                .jsonPath().getList("incoming")).isEmpty();
        as(carol).get(V3 + "/user/" + carol.userId() + "/account_data/io.zhihang.friend_requests").then()
                .statusCode(200).body("requests", org.hamcrest.Matchers.empty());
        Friends.request(bob, alice).statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void recommendations_rank_friends_of_friends_and_leave_out_friends_blocked_and_pending() {
        Matrix.Session alice = Matrix.registerFresh("frm");
        Matrix.Session bob = Matrix.registerFresh("frm");
        Matrix.Session carol = Matrix.registerFresh("frm");
        Matrix.Session dave = Matrix.registerFresh("frm");
        Matrix.Session erin = Matrix.registerFresh("frm");
        Matrix.Session mallory = Matrix.registerFresh("frm");
        Matrix.Session pat = Matrix.registerFresh("frm");
        Friends.befriend(alice, bob);
        Friends.befriend(alice, carol);
        Friends.befriend(bob, dave);
        Friends.befriend(carol, dave);
        Friends.befriend(bob, erin);
        Friends.befriend(bob, mallory);
        Friends.befriend(bob, pat);
        Friends.block(alice, mallory).statusCode(200);
        Friends.requestId(pat, alice);
        String room = Rooms.create(erin, Map.of("preset", "public_chat"));
        Rooms.join(alice, room);

        var recs = as(alice).get(ROOT + "/friend/recommendations/" + alice.userId()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(recs.getList("recommendations.user_id", String.class)).containsExactly(dave.userId(),
                erin.userId());
        assertThat(recs.getInt("recommendations[0].mutual_friends")).isEqualTo(2);
        assertThat(recs.getInt("recommendations[1].mutual_friends")).isEqualTo(1);
        assertThat(recs.getInt("recommendations[1].shared_rooms")).isEqualTo(1);
        assertThat(as(mallory).get(ROOT + "/friend/recommendations/" + mallory.userId()).then().statusCode(200)
                .extract().jsonPath().getList("recommendations.user_id", String.class))
                .as("nor to whom one is blocked by").doesNotContain(alice.userId());
        assertThat(as(alice).get(ROOT + "/friend/recommendations/" + alice.userId() + "?limit=1").then()
                .statusCode(200).extract().jsonPath().getList("recommendations")).hasSize(1);
    }

    @Test
    void crossed_requests_sent_at_once_make_one_friendship_and_store_no_pending_request()
            throws Exception {
        for (int round = 0; round < 5; round++) {
            Matrix.Session alice = Matrix.registerFresh("frx");
            Matrix.Session bob = Matrix.registerFresh("frx");
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var one = pool.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return Friends.request(alice, bob).statusCode(200).extract().<String>path("status");
                });
                var two = pool.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return Friends.request(bob, alice).statusCode(200).extract().<String>path("status");
                });
                assertThat(List.of(one.get(30, java.util.concurrent.TimeUnit.SECONDS),
                        two.get(30, java.util.concurrent.TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder("pending", "accepted");
            }
            assertThat(Friends.friendIds(alice)).containsExactly(bob.userId());
            var lists = as(alice).get(ROOT + "/friend/requests/" + alice.userId()).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(lists.getList("incoming")).isEmpty();
            assertThat(lists.getList("outgoing")).isEmpty();
        }
    }
}
