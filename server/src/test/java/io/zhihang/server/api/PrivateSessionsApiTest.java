package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.zhihang.application.port.in.lifecycle.DestroyDueMessagesUseCase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Private sessions ({@code /_synapse/enhanced/private}): direct rooms with their settings in state, whose messages,
 * read marks, unread counts, search and expiry are the room machinery's, seen by the other participant through the
 * normal Matrix APIs. The server clock is stopped and moved by the TTL test.
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
class PrivateSessionsApiTest {
    private static final String API = "/_synapse/enhanced/private";

    @Inject
    TestClock clock;

    @Inject
    TableRows tables;

    @Inject
    DestroyDueMessagesUseCase selfDestruct;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static ValidatableResponse open(Matrix.Session creator, Map<String, Object> body) {
        return as(creator).body(body).post(API + "/sessions").then();
    }

    private static String openWith(Matrix.Session creator, Matrix.Session target, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("target_user_id", target.userId());
        return open(creator, body).statusCode(200).extract().path("session_id");
    }

    private static String send(Matrix.Session sender, String sessionId, String text) {
        return as(sender).body(Map.of("body", text)).post(API + "/sessions/" + sessionId + "/messages").then()
                .statusCode(200).extract().path("message_id");
    }

    private static List<String> bodies(Matrix.Session user, String sessionId, String query) {
        return as(user).get(API + "/sessions/" + sessionId + "/messages" + query).then().statusCode(200)
                .extract().jsonPath().getList("messages.content.body");
    }

    private static List<String> matrixBodies(Matrix.Session user, String roomId) {
        return as(user).get(Rooms.path(roomId) + "/messages?dir=b&limit=50").then().statusCode(200).extract()
                .jsonPath().getList("chunk.findAll { it.type == 'm.room.message' }.content.body");
    }

    @Test
    void a_session_is_a_direct_room_the_target_sees_through_matrix() {
        var alice = Matrix.registerFresh("ps-a");
        var bob = Matrix.registerFresh("ps-b");
        var eve = Matrix.registerFresh("ps-e");
        String sessionId = open(alice, Map.of("target_user_id", bob.userId(), "name", "  Plans  ", "ttl_seconds", 3600,
                "auto_delete", true)).statusCode(200)
                .body("participant", equalTo(bob.userId())).body("creator", equalTo(alice.userId()))
                .body("name", equalTo("Plans")).body("ttl_seconds", equalTo(3600)).body("auto_delete", equalTo(true))
                .body("membership", equalTo("join")).extract().path("session_id");

        Map<String, Object> invite = Syncs.at(Syncs.initial(bob), "rooms", "invite");
        assertThat(invite).containsKey(sessionId);
        as(bob).get(API + "/sessions").then().statusCode(200)
                .body("sessions.find { it.session_id == '" + sessionId + "' }.participant", equalTo(alice.userId()))
                .body("sessions.find { it.session_id == '" + sessionId + "' }.membership", equalTo("invite"));
        as(alice).get(API + "/sessions/" + sessionId).then().statusCode(200).body("target", equalTo(bob.userId()));
        as(alice).get(Rooms.path(sessionId) + "/state/io.zhihang.private_session/").then().statusCode(200)
                .body("name", equalTo("Plans")).body("ttl_seconds", equalTo(3600))
                .body("target", equalTo(bob.userId()));

        String hello = send(alice, sessionId, "hello bob");
        assertThat(bodies(bob, sessionId, "")).containsExactly("hello bob");
        as(bob).get(API + "/sessions/" + sessionId).then().statusCode(200).body("membership", equalTo("join"));
        as(bob).body(Map.of("content", "hi alice")).post(API + "/sessions/" + sessionId + "/messages").then()
                .statusCode(200).body("session_id", equalTo(sessionId)).body("sender", equalTo(bob.userId()));
        assertThat(matrixBodies(bob, sessionId)).containsExactly("hi alice", "hello bob");
        assertThat(matrixBodies(alice, sessionId)).containsExactly("hi alice", "hello bob");
        as(bob).get(Rooms.path(sessionId) + "/event/" + hello).then().statusCode(200)
                .body("content.body", equalTo("hello bob"));

        as(eve).get(API + "/sessions/" + sessionId).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).get(API + "/sessions/!nowhere:localhost").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).get(API + "/sessions").then().statusCode(200).body("sessions.size()", equalTo(0));
        as(eve).get(API + "/sessions/" + sessionId + "/messages").then().statusCode(404);
        as(eve).body(Map.of("body", "let me in")).post(API + "/sessions/" + sessionId + "/messages").then()
                .statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).delete(API + "/sessions/" + sessionId).then().statusCode(404);
        RestAssured.get(API + "/sessions").then().statusCode(401);
    }

    @Test
    void a_session_needs_another_active_unblocked_user_and_valid_settings() {
        var alice = Matrix.registerFresh("psr-a");
        var bob = Matrix.registerFresh("psr-b");
        var gone = Matrix.registerFresh("psr-g");
        as(gone).body(Map.of("auth", passwordAuth(gone, PASSWORD, null))).post(V3 + "/account/deactivate").then()
                .statusCode(200);

        open(alice, Map.of()).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        open(alice, Map.of("target_user_id", alice.userId())).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        open(alice, Map.of("target_user_id", "not a user")).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        open(alice, Map.of("target_user_id", "@nobody-" + Matrix.freshName("x") + ":localhost")).statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        open(alice, Map.of("target_user_id", gone.userId())).statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        open(alice, Map.of("target_user_id", bob.userId(), "ttl_seconds", 0)).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        open(alice, Map.of("target_user_id", bob.userId(), "ttl_seconds", 2_592_001)).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        open(alice, Map.of("target_user_id", bob.userId(), "ttl_seconds", "soon")).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        open(alice, Map.of("target_user_id", bob.userId(), "name", "x".repeat(101))).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        open(alice, Map.of("participant", bob.userId(), "ttl_seconds", 2_592_000, "name", "x".repeat(100)))
                .statusCode(200).body("participant", equalTo(bob.userId()));

        Friends.ignore(bob, alice.userId());
        open(alice, Map.of("target_user_id", bob.userId())).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        open(bob, Map.of("target_user_id", alice.userId())).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        RestAssured.given().contentType("application/json").body(Map.of("target_user_id", bob.userId()))
                .post(API + "/sessions").then().statusCode(401);
    }

    @Test
    void messages_are_paged_newest_first() {
        var alice = Matrix.registerFresh("psp-a");
        var bob = Matrix.registerFresh("psp-b");
        String sessionId = openWith(alice, bob, Map.of());
        for (int i = 1; i <= 5; i++) {
            send(alice, sessionId, "m" + i);
        }
        var first = as(bob).get(API + "/sessions/" + sessionId + "/messages?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("messages.content.body")).containsExactly("m5", "m4");
        var second = as(bob).get(API + "/sessions/" + sessionId + "/messages?limit=2&from="
                + first.getString("next_batch")).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("messages.content.body")).containsExactly("m3", "m2");
        var last = as(bob).get(API + "/sessions/" + sessionId + "/messages?limit=10&from="
                + second.getString("next_batch")).then().statusCode(200).extract().jsonPath();
        assertThat(last.getList("messages.content.body")).containsExactly("m1");
        assertThat(last.getString("next_batch")).isNull();

        as(alice).body(Map.of()).post(API + "/sessions/" + sessionId + "/messages").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("content", Map.of("msgtype", "m.text"))).post(API + "/sessions/" + sessionId
                + "/messages").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("content", Map.of("msgtype", "m.notice", "body", "rich")))
                .post(API + "/sessions/" + sessionId + "/messages").then().statusCode(200)
                .body("content.msgtype", equalTo("m.notice")).body("expires_ts", nullValue());
    }

    @Test
    void a_participant_deletes_their_own_messages_only() {
        var alice = Matrix.registerFresh("psd-a");
        var bob = Matrix.registerFresh("psd-b");
        var eve = Matrix.registerFresh("psd-e");
        String sessionId = openWith(alice, bob, Map.of());
        String mine = send(alice, sessionId, "regret this");
        String theirs = send(bob, sessionId, "keep this");

        as(alice).delete(API + "/messages/" + theirs).then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).delete(API + "/messages/" + mine).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).delete(API + "/messages/$unknown").then().statusCode(404);
        as(alice).delete(API + "/messages/" + mine).then().statusCode(200);
        as(alice).delete(API + "/messages/" + mine).then().statusCode(200);

        assertThat(bodies(bob, sessionId, "")).containsExactly("keep this");
        as(bob).get(Rooms.path(sessionId) + "/event/" + mine).then().statusCode(200)
                .body("content.size()", equalTo(0)).body("unsigned.redacted_because.sender", equalTo(alice.userId()));
    }

    @Test
    void read_marks_are_receipts_and_unread_counts_are_notification_counts() {
        var alice = Matrix.registerFresh("psu-a");
        var bob = Matrix.registerFresh("psu-b");
        var eve = Matrix.registerFresh("psu-e");
        String sessionId = openWith(alice, bob, Map.of());
        bodies(bob, sessionId, "");
        int before = as(bob).get(API + "/unread-count").then().statusCode(200).extract().path("unread_count");
        send(alice, sessionId, "one");
        String two = send(alice, sessionId, "two");

        as(bob).get(API + "/unread-count").then().statusCode(200).body("unread_count", equalTo(before + 2))
                .body("sessions[0].session_id", equalTo(sessionId))
                .body("sessions[0].unread_count", equalTo(before + 2));
        as(bob).get(API + "/sessions/" + sessionId).then().body("unread_count", equalTo(before + 2));
        as(eve).post(API + "/messages/" + two + "/read").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(bob).post(API + "/messages/" + two + "/read").then().statusCode(200);
        as(bob).get(API + "/unread-count").then().statusCode(200).body("unread_count", equalTo(0));

        Map<String, Object> sync = Syncs.initial(alice);
        assertThat(Syncs.at(sync, "rooms", "join", sessionId, "ephemeral").toString()).contains(two)
                .contains(bob.userId());
        as(eve).get(API + "/unread-count").then().statusCode(200).body("unread_count", equalTo(0))
                .body("sessions.size()", equalTo(0));
    }

    @Test
    void search_covers_only_the_callers_sessions() {
        var alice = Matrix.registerFresh("pss-a");
        var bob = Matrix.registerFresh("pss-b");
        var eve = Matrix.registerFresh("pss-e");
        String word = Matrix.freshName("pineapple").replaceAll("[^a-z]", "");
        String sessionId = openWith(alice, bob, Map.of());
        as(bob).body(Map.of("search_term", word)).post(API + "/search").then().statusCode(200)
                .body("results.size()", equalTo(0));
        bodies(bob, sessionId, "");
        send(alice, sessionId, "the secret " + word);
        String elsewhere = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, elsewhere);
        Rooms.send(alice, elsewhere, "a public " + word);

        as(bob).body(Map.of("search_term", word)).post(API + "/search").then().statusCode(200)
                .body("results.size()", equalTo(1)).body("results[0].session_id", equalTo(sessionId))
                .body("results[0].content.body", equalTo("the secret " + word));
        as(alice).body(Map.of("search_term", word, "session_id", sessionId)).post(API + "/search").then()
                .statusCode(200).body("results.size()", equalTo(1));
        as(eve).body(Map.of("search_term", word)).post(API + "/search").then().statusCode(200)
                .body("results.size()", equalTo(0));
        as(eve).body(Map.of("search_term", word, "session_id", sessionId)).post(API + "/search").then()
                .statusCode(404);
        as(bob).body(Map.of()).post(API + "/search").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void a_message_with_a_ttl_is_there_until_its_time_and_then_gone_from_history_and_database() {
        var alice = Matrix.registerFresh("pst-a");
        var bob = Matrix.registerFresh("pst-b");
        String sessionId = openWith(alice, bob, Map.of("ttl_seconds", 2));
        bodies(bob, sessionId, "");
        Instant sent = clock.freeze();
        String marker = "burns in two seconds " + Matrix.freshName("m");
        String messageId = as(alice).body(Map.of("body", marker)).post(API + "/sessions/" + sessionId + "/messages")
                .then().statusCode(200).body("created_ts", equalTo(sent.toEpochMilli()))
                .body("expires_ts", equalTo(sent.plusSeconds(2).toEpochMilli())).extract().path("message_id");
        assertThat(tables.where("self_destructs", "event_id", messageId)).hasSize(1);

        selfDestruct.destroyDue(sent.plus(Duration.ofSeconds(2)).minusMillis(1));
        assertThat(bodies(bob, sessionId, "")).containsExactly(marker);
        assertThat(tables.anyContains("events", marker)).isTrue();

        selfDestruct.destroyDue(sent.plus(Duration.ofSeconds(2)));
        assertThat(bodies(bob, sessionId, "")).isEmpty();
        assertThat(bodies(alice, sessionId, "")).isEmpty();
        as(bob).get(Rooms.path(sessionId) + "/event/" + messageId).then().statusCode(200)
                .body("content.size()", equalTo(0));
        assertThat(tables.anyContains("events", marker)).isFalse();
        assertThat(tables.anyContains("event_search", marker)).isFalse();
        assertThat(selfDestruct.destroyDue(sent.plus(Duration.ofSeconds(3)))).isZero();
    }

    @Test
    void a_message_a_matrix_client_sends_into_a_ttl_session_expires_too() {
        var alice = Matrix.registerFresh("psm-a");
        var bob = Matrix.registerFresh("psm-b");
        String sessionId = openWith(alice, bob, Map.of("ttl_seconds", 5));
        bodies(bob, sessionId, "");
        Instant sent = clock.freeze();
        String marker = "sent by element " + Matrix.freshName("m");
        String eventId = as(bob).body(Map.of("msgtype", "m.text", "body", marker))
                .put(Rooms.path(sessionId) + "/send/m.room.message/" + Matrix.freshName("txn")).then()
                .statusCode(200).extract().path("event_id");
        as(alice).get(Rooms.path(sessionId) + "/event/" + eventId).then().statusCode(200)
                .body("content.'org.matrix.self_destruct_after'", equalTo(sent.plusSeconds(5).toEpochMilli()));
        assertThat(tables.where("self_destructs", "event_id", eventId)).hasSize(1);

        selfDestruct.destroyDue(sent.plusSeconds(5));
        assertThat(bodies(alice, sessionId, "")).isEmpty();
        assertThat(tables.anyContains("events", marker)).isFalse();

        String plainRoom = Rooms.create(alice, Map.of());
        String kept = as(alice).body(Map.of("msgtype", "m.text", "body", marker))
                .put(Rooms.path(plainRoom) + "/send/m.room.message/" + Matrix.freshName("txn")).then()
                .statusCode(200).extract().path("event_id");
        assertThat(tables.where("self_destructs", "event_id", kept)).as("other rooms keep their messages").isEmpty();
    }

    @Test
    void deleting_a_session_leaves_it_and_the_other_keeps_the_history() {
        var alice = Matrix.registerFresh("psx-a");
        var bob = Matrix.registerFresh("psx-b");
        String sessionId = openWith(alice, bob, Map.of());
        send(alice, sessionId, "still here for bob");
        bodies(bob, sessionId, "");

        as(alice).delete(API + "/sessions/" + sessionId).then().statusCode(200);
        as(alice).get(API + "/sessions/" + sessionId).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(API + "/sessions").then().statusCode(200).body("sessions.size()", equalTo(0));
        as(alice).delete(API + "/sessions/" + sessionId).then().statusCode(404);
        as(alice).get(V3 + "/joined_rooms").then().statusCode(200).body("joined_rooms.size()", equalTo(0));
        assertThat(bodies(bob, sessionId, "")).containsExactly("still here for bob");
        as(bob).get(API + "/sessions").then().statusCode(200).body("sessions.size()", equalTo(1));
    }

    @Test
    void deleting_an_auto_delete_session_destroys_its_messages_for_both() {
        var alice = Matrix.registerFresh("psy-a");
        var bob = Matrix.registerFresh("psy-b");
        String sessionId = openWith(alice, bob, Map.of("auto_delete", true));
        String marker = "gone with the session " + Matrix.freshName("m");
        send(alice, sessionId, marker);
        send(bob, sessionId, marker + " reply");

        as(bob).delete(API + "/sessions/" + sessionId).then().statusCode(200);
        as(bob).get(API + "/sessions/" + sessionId).then().statusCode(404);
        assertThat(tables.anyContains("events", marker)).isFalse();
        assertThat(bodies(alice, sessionId, "")).isEmpty();
        as(alice).get(API + "/sessions/" + sessionId).then().statusCode(200).body("auto_delete", equalTo(true));
    }
}
