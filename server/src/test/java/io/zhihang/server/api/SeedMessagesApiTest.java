package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.in.maintenance.FlushDeviceActivityUseCase;
import jakarta.inject.Inject;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The seed's message API over HTTP: send, reply, forward and get with numeric ids (Matrix ids too), one-to-one chats
 * made on demand, and the refusals with the seed's statuses and Matrix error bodies.
 */
@QuarkusTest
class SeedMessagesApiTest {
    private static final String API = "/api/messages";

    private static ValidatableResponse post(Matrix.Session user, String path, Map<String, Object> body) {
        return as(user).body(body).post(API + path).then();
    }

    @Test
    void a_message_is_sent_to_a_chat_by_number_or_room_id_and_read_back() {
        var alice = Matrix.registerFresh("seed-a");
        var bob = Matrix.registerFresh("seed-b");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);

        var first = post(alice, "/send", Map.of("content", "hello", "message_type", "text", "chat_id", roomId))
                .statusCode(200).body("message", notNullValue())
                .body("data.room_id", equalTo(roomId)).body("data.content", equalTo("hello"))
                .body("data.message_type", equalTo("text")).body("data.status", equalTo("sent"))
                .body("data.sender.user_id", equalTo(alice.userId())).extract();
        long chatId = first.jsonPath().getLong("data.chat_id");
        long messageId = first.jsonPath().getLong("data.id");
        String eventId = first.path("data.event_id");

        post(alice, "/send", Map.of("content", "again", "chat_id", chatId)).statusCode(200)
                .body("data.chat_id", equalTo((int) chatId)).body("data.id", equalTo((int) messageId + 1));

        as(bob).get(API + "/" + messageId).then().statusCode(200).body("data.event_id", equalTo(eventId))
                .body("data.content", equalTo("hello"));
        as(bob).get(API + "/" + eventId).then().statusCode(200).body("data.id", equalTo((int) messageId));
        as(bob).get(Rooms.path(roomId) + "/event/" + eventId).then().statusCode(200)
                .body("content.body", equalTo("hello")).body("content.msgtype", equalTo("m.text"));
    }

    @Test
    void a_message_to_a_user_goes_to_their_one_to_one_chat_made_once() {
        var alice = Matrix.registerFresh("seed-dm-a");
        var bob = Matrix.registerFresh("seed-dm-b");
        String roomId = post(alice, "/send", Map.of("content", "hi bob", "user_id", bob.userId())).statusCode(200)
                .extract().path("data.room_id");
        long bobNumber = post(alice, "/send", Map.of("content", "still me", "user_id", bob.userId()))
                .statusCode(200).body("data.room_id", equalTo(roomId)).extract().jsonPath().getLong("data.sender.id");
        assertThat(bobNumber).isPositive();

        as(alice).get(V3 + "/user/" + alice.userId() + "/account_data/m.direct").then().statusCode(200)
                .body("'" + bob.userId() + "'", equalTo(List.of(roomId)));
        var invite = Syncs.at(Syncs.initial(bob), "rooms", "invite");
        assertThat(invite).containsKey(roomId);
    }

    @Test
    void the_recipient_reads_answers_and_replies_in_the_one_chat_made_for_them() {
        var alice = Matrix.registerFresh("seed-back-a");
        var bob = Matrix.registerFresh("seed-back-b");
        var first = post(alice, "/send", Map.of("content", "hi bob", "user_id", bob.userId())).statusCode(200)
                .extract();
        String roomId = first.path("data.room_id");
        long id = first.jsonPath().getLong("data.id");

        as(bob).get(API + "/" + id).then().statusCode(200).body("data.content", equalTo("hi bob"));
        assertThat(Syncs.at(Syncs.initial(bob), "rooms", "join")).as("reading accepted the chat").containsKey(roomId);
        as(bob).get(V3 + "/user/" + bob.userId() + "/account_data/m.direct").then().statusCode(200)
                .body("'" + alice.userId() + "'", equalTo(List.of(roomId)));
        post(bob, "/send", Map.of("content", "hi alice", "user_id", alice.userId())).statusCode(200)
                .body("data.room_id", equalTo(roomId));
        post(bob, "/reply", Map.of("reply_to_id", id, "content", "indeed", "user_id", alice.userId()))
                .statusCode(200).body("data.room_id", equalTo(roomId));
    }

    @Test
    void the_recipient_answers_or_replies_before_reading_in_the_same_chat() {
        var alice = Matrix.registerFresh("seed-ans-a");
        var bob = Matrix.registerFresh("seed-ans-b");
        String roomId = post(alice, "/send", Map.of("content", "ping", "user_id", bob.userId())).statusCode(200)
                .extract().path("data.room_id");
        post(bob, "/send", Map.of("content", "pong", "user_id", alice.userId())).statusCode(200)
                .body("data.room_id", equalTo(roomId));

        var carol = Matrix.registerFresh("seed-rep-c");
        var sent = post(alice, "/send", Map.of("content", "question", "user_id", carol.userId())).statusCode(200)
                .extract();
        String carolsRoom = sent.path("data.room_id");
        post(carol, "/reply", Map.of("reply_to_id", sent.jsonPath().getLong("data.id"), "content", "answer",
                "user_id", alice.userId())).statusCode(200).body("data.room_id", equalTo(carolsRoom));
        as(alice).get(V3 + "/user/" + alice.userId() + "/account_data/m.direct").then().statusCode(200)
                .body("'" + bob.userId() + "'", equalTo(List.of(roomId)))
                .body("'" + carol.userId() + "'", equalTo(List.of(carolsRoom)));
    }

    @Test
    void replies_and_forwards_keep_their_references() {
        var alice = Matrix.registerFresh("seed-fw-a");
        var bob = Matrix.registerFresh("seed-fw-b");
        String source = Rooms.create(alice, Map.of("preset", "public_chat"));
        String target = Rooms.create(bob, Map.of("preset", "public_chat"));
        Rooms.join(bob, source);
        long original = post(alice, "/send", Map.of("content", "worth sharing", "chat_id", source)).statusCode(200)
                .extract().jsonPath().getLong("data.id");
        String originalEvent = as(bob).get(API + "/" + original).then().extract().path("data.event_id");

        String reply = post(bob, "/reply", Map.of("reply_to_id", original, "content", "agreed", "message_type", "text"))
                .statusCode(200).body("data.room_id", equalTo(source)).extract().path("data.event_id");
        as(alice).get(Rooms.path(source) + "/event/" + reply).then().statusCode(200)
                .body("content.'m.relates_to'.'m.in_reply_to'.event_id", equalTo(originalEvent));

        var forwarded = post(bob, "/forward", Map.of("message_id", original, "target_chat_id", target,
                "comment", "look at this")).statusCode(200).body("data", hasSize(2))
                .body("data[0].room_id", equalTo(target)).body("data[0].content", equalTo("worth sharing"))
                .body("data[1].content", equalTo("look at this")).extract();
        String copy = forwarded.path("data[0].event_id");
        as(bob).get(Rooms.path(target) + "/event/" + copy).then().statusCode(200)
                .body("content.body", equalTo("worth sharing"))
                .body("content.'org.zhihang.forwarded'.event_id", equalTo(originalEvent))
                .body("content.'org.zhihang.forwarded'.room_id", equalTo(source))
                .body("content.'org.zhihang.forwarded'.sender", equalTo(alice.userId()));
    }

    @Test
    void refusals_keep_the_seed_statuses_with_matrix_errors() {
        var alice = Matrix.registerFresh("seed-no-a");
        var eve = Matrix.registerFresh("seed-no-e");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        long id = post(alice, "/send", Map.of("content", "secret", "chat_id", roomId)).statusCode(200)
                .extract().jsonPath().getLong("data.id");

        RestAssured.given().contentType("application/json").body(Map.of("content", "x", "chat_id", roomId))
                .post(API + "/send").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        post(alice, "/send", Map.of("content", "nowhere")).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        post(alice, "/send", Map.of("content", "", "chat_id", roomId)).statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        post(alice, "/send", Map.of("content", "x", "chat_id", roomId, "message_type", "hologram")).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice, "/send", Map.of("content", "pic", "chat_id", roomId, "message_type", "image")).statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        post(alice, "/send", Map.of("content", "x", "chat_id", "not-a-number")).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice, "/send", Map.of("content", "x", "chat_id", 999_999_999)).statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        post(eve, "/send", Map.of("content", "let me in", "chat_id", roomId)).statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));

        as(eve).get(API + "/" + id).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        post(eve, "/reply", Map.of("reply_to_id", id, "content", "hm")).statusCode(404);
        post(eve, "/forward", Map.of("message_id", id, "target_user_id", alice.userId())).statusCode(404);
        post(alice, "/forward", Map.of("message_id", id)).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).get(API + "/0").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(API + "/123456789").then().statusCode(404);

        String eventId = as(alice).get(API + "/" + id).then().extract().path("data.event_id");
        Rooms.redact(alice, roomId, eventId);
        as(alice).get(API + "/" + id).then().statusCode(200).body("data.status", equalTo("recalled"))
                .body("data.content", equalTo(null));
        post(alice, "/forward", Map.of("message_id", id, "target_chat_id", roomId)).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Inject
    FlushDeviceActivityUseCase deviceActivity;

    @Test
    void a_message_is_sent_then_delivered_then_read() {
        var alice = Matrix.registerFresh("seed-st-a");
        var bob = Matrix.registerFresh("seed-st-b");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        deviceActivity.flushDeviceActivity();
        var sent = post(alice, "/send", Map.of("content", "did you get this?", "chat_id", roomId)).statusCode(200)
                .body("data.status", equalTo("sent")).extract();
        long id = sent.jsonPath().getLong("data.id");
        String eventId = sent.path("data.event_id");

        Syncs.initial(bob);
        deviceActivity.flushDeviceActivity();
        as(alice).get(API + "/" + id).then().statusCode(200).body("data.status", equalTo("delivered"));

        as(bob).body(Map.of()).post(Rooms.path(roomId) + "/receipt/m.read/" + eventId).then().statusCode(200);
        as(alice).get(API + "/" + id).then().statusCode(200).body("data.status", equalTo("read"));
    }

    @Test
    void media_types_carry_their_url() {
        var alice = Matrix.registerFresh("seed-media");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String mxc = MediaApiTest.upload(alice, MediaApiTest.png(4, 4), "image/gif", "cat.gif");
        String eventId = post(alice, "/send", Map.of("chat_id", roomId, "message_type", "gif", "content", "cat",
                "url", mxc, "info", Map.of("w", 4, "h", 4))).statusCode(200)
                .body("data.message_type", equalTo("gif")).extract().path("data.event_id");
        as(alice).get(Rooms.path(roomId) + "/event/" + eventId).then().statusCode(200)
                .body("content.msgtype", equalTo("m.image")).body("content.url", equalTo(mxc))
                .body("content.info.mimetype", equalTo("image/gif"));
        post(alice, "/send", Map.of("chat_id", roomId, "message_type", "sticker", "content", "wave", "url", mxc))
                .statusCode(200).body("data.message_type", equalTo("sticker"));
    }
}
