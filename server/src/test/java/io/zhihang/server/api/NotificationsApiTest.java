package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Notifications recorded as events are sent: the unread counts of a room and {@code GET /notifications}. */
@QuarkusTest
class NotificationsApiTest {

    private static Map<String, Object> counts(Matrix.Session who, String roomId) {
        return as(who).get(R0 + "/rooms/" + roomId + "/unread").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static String groupRoom(Matrix.Session alice, Matrix.Session... others) {
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        for (Matrix.Session other : others) {
            Rooms.join(other, roomId);
        }
        return roomId;
    }

    @Test
    void bobs_counts_rise_when_alice_mentions_him_and_not_for_his_own_messages() {
        Matrix.Session alice = Matrix.registerFresh("nca");
        Matrix.Session bob = Matrix.registerFresh("ncb");
        Matrix.Session carol = Matrix.registerFresh("ncc");
        String roomId = groupRoom(alice, bob, carol);
        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 0, "highlight_count", 0));

        Rooms.send(alice, roomId, "good morning");
        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 1, "highlight_count", 0));

        Rooms.send(alice, roomId, "m.room.message", Map.of("msgtype", "m.text", "body", "a question for you",
                "m.mentions", Map.of("user_ids", List.of(bob.userId()))));
        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 2, "highlight_count", 1));

        Rooms.send(bob, roomId, "answering, " + bob.localpart() + " here");
        Rooms.send(bob, roomId, "m.room.message", Map.of("msgtype", "m.text", "body", "me again",
                "m.mentions", Map.of("user_ids", List.of(bob.userId()))));
        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 2, "highlight_count", 1));
        as(bob).get(V3 + "/rooms/" + roomId + "/unread").then().statusCode(200)
                .body("notification_count", equalTo(2));
        assertThat(counts(carol, roomId)).isEqualTo(Map.of("notification_count", 4, "highlight_count", 0));
    }

    @Test
    void the_unread_counts_are_for_members_only() {
        Matrix.Session alice = Matrix.registerFresh("ncm");
        Matrix.Session eve = Matrix.registerFresh("nce");
        String roomId = groupRoom(alice);

        as(eve).get(R0 + "/rooms/" + roomId + "/unread").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(eve).get(R0 + "/rooms/!nowhere:localhost/unread").then().statusCode(403);
        RestAssured.get(R0 + "/rooms/" + roomId + "/unread").then().statusCode(401);
    }

    @Test
    void push_rules_decide_what_counts() {
        Matrix.Session alice = Matrix.registerFresh("ncr");
        Matrix.Session bob = Matrix.registerFresh("ncs");
        Matrix.Session carol = Matrix.registerFresh("nct");
        String roomId = groupRoom(alice, bob, carol);

        as(bob).body(Map.of("enabled", false)).put(V3 + "/pushrules/global/underride/.m.rule.message/enabled")
                .then().statusCode(200);
        as(bob).body(Map.of("pattern", "cake", "actions", List.of("notify", Map.of("set_tweak", "highlight"))))
                .put(V3 + "/pushrules/global/content/cake").then().statusCode(200);
        Rooms.send(alice, roomId, "nothing to see");
        Rooms.send(alice, roomId, "cake is served");
        Rooms.send(alice, roomId, "m.room.message", Map.of("msgtype", "m.notice", "body", "cake bot"));

        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 1, "highlight_count", 1));
    }

    @Test
    void a_one_to_one_room_notifies_and_an_invite_notifies_the_invitee() {
        Matrix.Session alice = Matrix.registerFresh("nco");
        Matrix.Session bob = Matrix.registerFresh("ncp");
        String roomId = Rooms.create(alice, Map.of("preset", "trusted_private_chat", "invite", List.of(bob.userId()),
                "is_direct", true));

        as(bob).get(V3 + "/notifications").then().statusCode(200)
                .body("notifications", hasSize(1))
                .body("notifications[0].event.type", equalTo("m.room.member"))
                .body("notifications[0].event.state_key", equalTo(bob.userId()))
                .body("notifications[0].room_id", equalTo(roomId));

        Rooms.join(bob, roomId);
        Rooms.send(alice, roomId, "just us");
        as(bob).get(V3 + "/notifications").then().statusCode(200)
                .body("notifications", hasSize(2))
                .body("notifications[0].actions", equalTo(List.of("notify",
                        Map.of("set_tweak", "sound", "value", "default"))));
    }

    @Test
    void notifications_are_listed_newest_first_in_pages_and_can_be_only_highlights() {
        Matrix.Session alice = Matrix.registerFresh("ncl");
        Matrix.Session bob = Matrix.registerFresh("ncn");
        Matrix.Session carol = Matrix.registerFresh("ncq");
        String roomId = groupRoom(alice, bob, carol);
        String first = Rooms.send(alice, roomId, "first");
        String second = Rooms.send(alice, roomId, "second, " + bob.localpart());
        String third = Rooms.send(alice, roomId, "third");

        var page = as(bob).queryParam("limit", 2).get(V3 + "/notifications").then().statusCode(200)
                .body("notifications[0].event.event_id", equalTo(third))
                .body("notifications[0].event.room_id", equalTo(roomId))
                .body("notifications[0].event.content.body", equalTo("third"))
                .body("notifications[0].room_id", equalTo(roomId))
                .body("notifications[0].read", equalTo(false))
                .body("notifications[0].ts", notNullValue())
                .body("notifications[0].actions", equalTo(List.of("notify")))
                .body("notifications[1].event.event_id", equalTo(second))
                .body("notifications[1].actions[1]", equalTo(Map.of("set_tweak", "sound", "value", "default")))
                .body("next_token", notNullValue())
                .extract().jsonPath();
        as(bob).queryParam("limit", 2).queryParam("from", page.getString("next_token")).get(V3 + "/notifications")
                .then().statusCode(200)
                .body("notifications", hasSize(1))
                .body("notifications[0].event.event_id", equalTo(first))
                .body("$", not(hasKey("next_token")));
        as(bob).queryParam("only", "highlight").get(R0 + "/notifications").then().statusCode(200)
                .body("notifications", hasSize(1))
                .body("notifications[0].event.event_id", equalTo(second));
        as(bob).queryParam("from", "yesterday").get(V3 + "/notifications").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(bob).queryParam("limit", "-1").get(V3 + "/notifications").then().statusCode(400);
        RestAssured.get(V3 + "/notifications").then().statusCode(401);
    }

    @Test
    void thread_replies_and_encrypted_events_are_counted() {
        Matrix.Session alice = Matrix.registerFresh("ncx");
        Matrix.Session bob = Matrix.registerFresh("ncy");
        Matrix.Session carol = Matrix.registerFresh("ncz");
        String roomId = groupRoom(alice, bob, carol);
        String root = Rooms.send(alice, roomId, "root");
        Rooms.reply(alice, roomId, root, "in the thread");
        Rooms.send(alice, roomId, "m.room.encrypted", Map.of("algorithm", "m.megolm.v1.aes-sha2",
                "ciphertext", "AwgAEn", "device_id", "D", "sender_key", "k", "session_id", "s"));

        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 3, "highlight_count", 0));
    }

    @Test
    void a_recalled_or_redacted_message_no_longer_counts_nor_is_listed() {
        Matrix.Session alice = Matrix.registerFresh("ncd");
        Matrix.Session bob = Matrix.registerFresh("nce");
        String roomId = groupRoom(alice, bob);
        String kept = Rooms.send(alice, roomId, "this one stays");
        String mention = Rooms.send(alice, roomId, "m.room.message", Map.of("msgtype", "m.text",
                "body", "sent to the wrong person", "m.mentions", Map.of("user_ids", List.of(bob.userId()))));
        String recalled = as(alice).body(Map.of("content", "oops", "chat_id", roomId)).post("/api/messages/send")
                .then().statusCode(200).extract().path("data.event_id");
        Map<String, Object> before = Syncs.initial(bob);
        assertThat(Syncs.at(Syncs.joined(before, roomId), "unread_notifications"))
                .isEqualTo(Map.of("notification_count", 3, "highlight_count", 1));

        Rooms.redact(alice, roomId, mention);
        as(alice).body(Map.of("message_id", recalled)).post("/api/messages/recall").then().statusCode(200);

        assertThat(counts(bob, roomId)).isEqualTo(Map.of("notification_count", 1, "highlight_count", 0));
        assertThat(Syncs.at(Syncs.joined(Syncs.since(bob, before), roomId), "unread_notifications"))
                .isEqualTo(Map.of("notification_count", 1, "highlight_count", 0));
        assertThat(Syncs.at(Syncs.joined(Syncs.initial(bob), roomId), "unread_notifications"))
                .isEqualTo(Map.of("notification_count", 1, "highlight_count", 0));
        as(bob).get(V3 + "/notifications").then().statusCode(200)
                .body("notifications", hasSize(1))
                .body("notifications[0].event.event_id", equalTo(kept));
        as(bob).queryParam("only", "highlight").get(V3 + "/notifications").then().statusCode(200)
                .body("notifications", hasSize(0));
    }
}
