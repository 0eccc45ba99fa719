package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.zhihang.application.port.in.lifecycle.DestroyDueMessagesUseCase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Password-encrypted and self-destructing messages over HTTP, and what is left in the database afterwards: no
 * plaintext, no password, only salt, nonce and ciphertext.
 */
@QuarkusTest
class SeedEncryptionApiTest {
    private static final String API = "/api/encryption";

    @Inject
    TableRows tables;

    @Inject
    DestroyDueMessagesUseCase selfDestruct;

    private record Sent(long id, String eventId, String roomId) {
    }

    private static Sent send(Matrix.Session user, String roomId, String text, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("content", text, "chat_id", roomId));
        body.putAll(extra);
        var r = as(user).body(body).post("/api/messages/send").then().statusCode(200).extract();
        return new Sent(r.jsonPath().getLong("data.id"), r.path("data.event_id"), roomId);
    }

    private static ValidatableResponse post(Matrix.Session user, String path, Map<String, Object> body) {
        return as(user).body(body).post(API + path).then();
    }

    private static String room(Matrix.Session alice, Matrix.Session bob) {
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        return roomId;
    }

    @Test
    void a_password_encrypted_message_keeps_only_ciphertext_and_opens_with_the_password() {
        var alice = Matrix.registerFresh("enc-a");
        var bob = Matrix.registerFresh("enc-b");
        String marker = Matrix.freshName("vaultcode").replaceAll("[^a-z0-9]", "");
        String secret = "the code is " + marker;
        String password = "correct horse " + Matrix.freshName("p");
        Sent sent = send(alice, room(alice, bob), secret, Map.of());
        String edit = Rooms.edit(alice, sent.roomId(), sent.eventId(), secret + " (edited)");

        post(bob, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "simple", "password", password))
                .statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "simple")).statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "simple", "password", password))
                .statusCode(200).body("message", notNullValue());
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "simple", "password", password))
                .statusCode(400);

        as(bob).get(Rooms.path(sent.roomId()) + "/event/" + sent.eventId()).then().statusCode(200)
                .body("content.size()", equalTo(0));
        as(bob).get(Rooms.path(sent.roomId()) + "/event/" + edit).then().statusCode(200)
                .body("content.size()", equalTo(0));
        assertThat(tables.anyContains("events", marker)).isFalse();
        assertThat(tables.anyContains("event_search", marker)).isFalse();
        assertThat(tables.anyContains("encrypted_messages", marker)).isFalse();
        assertThat(tables.anyContains("encrypted_messages", password)).isFalse();
        assertThat(String.join("", tables.where("encrypted_messages", "event_id", sent.eventId())))
                .contains("argon2id+aes-256-gcm").contains("\"salt\"").contains("\"nonce\"").contains("\"ciphertext\"");

        post(bob, "/decrypt", Map.of("message_id", sent.id(), "password", "wrong")).statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        post(bob, "/decrypt", Map.of("message_id", sent.eventId(), "password", password)).statusCode(200)
                .body("content", equalTo(secret));
        as(bob).get(API + "/" + sent.id() + "/info").then().statusCode(200)
                .body("data.is_encrypted", equalTo(true)).body("data.encryption_type", equalTo("simple"))
                .body("data.is_self_destruct", equalTo(false)).body("data.message_type", equalTo("text"));

        var eve = Matrix.registerFresh("enc-e");
        post(eve, "/decrypt", Map.of("message_id", sent.id(), "password", password)).statusCode(404);
    }

    @Test
    void e2e_is_refused_for_plaintext_the_other_member_can_still_read() {
        var alice = Matrix.registerFresh("enc-m");
        var bob = Matrix.registerFresh("enc-mb");
        Sent sent = send(alice, room(alice, bob), "client encrypted in spirit", Map.of());
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "quantum")).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "e2e")).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"))
                .body("error", containsString("End-to-end encryption happens in the client"));
        as(bob).get(Rooms.path(sent.roomId()) + "/event/" + sent.eventId()).then().statusCode(200)
                .body("content.body", equalTo("client encrypted in spirit"));
        as(bob).get(API + "/" + sent.id() + "/info").then().statusCode(200)
                .body("data.is_encrypted", equalTo(false)).body("data.encryption_type", equalTo(null));
        assertThat(tables.where("encrypted_messages", "event_id", sent.eventId())).isEmpty();
        post(bob, "/decrypt", Map.of("message_id", sent.id(), "password", "x")).statusCode(400);
        post(alice, "/decrypt", Map.of("message_id", 99_999_999, "password", "x")).statusCode(404);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("message_id", 1))
                .post(API + "/decrypt").then().statusCode(401);
    }

    @Test
    void e2e_marks_only_ciphertext_the_client_made() {
        var alice = Matrix.registerFresh("enc-c");
        var bob = Matrix.registerFresh("enc-cb");
        String roomId = room(alice, bob);
        String ciphertext = Rooms.send(alice, roomId, "m.room.encrypted", Map.of("algorithm", "m.megolm.v1.aes-sha2",
                "ciphertext", "AwgAEnACgAkLmt6qF84IK++J7UDH2Za1YVchHyprqTqsg", "sender_key", "k", "device_id", "D",
                "session_id", "s"));
        String shapeless = Rooms.send(alice, roomId, "m.room.encrypted", Map.of("algorithm", "m.megolm.v1.aes-sha2",
                "body", "plaintext dressed up"));

        post(bob, "/encrypt", Map.of("message_id", ciphertext, "encryption_type", "e2e")).statusCode(403);
        post(alice, "/encrypt", Map.of("message_id", shapeless, "encryption_type", "e2e")).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice, "/encrypt", Map.of("message_id", ciphertext, "encryption_type", "e2e")).statusCode(200);
        as(bob).get(API + "/" + ciphertext + "/info").then().statusCode(200)
                .body("data.is_encrypted", equalTo(true)).body("data.encryption_type", equalTo("e2e"));
        as(bob).get(Rooms.path(roomId) + "/event/" + ciphertext).then().statusCode(200)
                .body("content.ciphertext", notNullValue()).body("content.body", equalTo(null));
        post(bob, "/decrypt", Map.of("message_id", ciphertext, "password", "x")).statusCode(400)
                .body("error", containsString("end-to-end encrypted"));
        post(alice, "/encrypt", Map.of("message_id", ciphertext, "encryption_type", "e2e")).statusCode(400);
    }

    @Test
    void a_password_encrypted_message_can_be_recalled_and_its_ciphertext_goes_too() {
        var alice = Matrix.registerFresh("enc-r");
        var bob = Matrix.registerFresh("enc-rb");
        String roomId = room(alice, bob);
        Sent sent = send(alice, roomId, "sealed then taken back", Map.of());
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "simple", "password", "pw"))
                .statusCode(200);
        as(bob).get("/api/messages/" + sent.id()).then().statusCode(200)
                .body("data.status", not(equalTo("recalled"))).body("data.content", equalTo(null));

        as(bob).body(Map.of("message_id", sent.id())).post("/api/messages/recall").then().statusCode(403);
        as(alice).body(Map.of("message_id", sent.id(), "reason", "never mind")).post("/api/messages/recall").then()
                .statusCode(200);

        as(bob).get("/api/messages/" + sent.id()).then().statusCode(200).body("data.status", equalTo("recalled"));
        assertThat(tables.where("encrypted_messages", "event_id", sent.eventId())).isEmpty();
        post(bob, "/decrypt", Map.of("message_id", sent.id(), "password", "pw")).statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(bob).get(API + "/" + sent.id() + "/info").then().statusCode(200).body("data.is_encrypted", equalTo(false));
        as(alice).body(Map.of("message_id", sent.id())).post("/api/messages/recall").then().statusCode(400)
                .body("error", containsString("already been recalled"));

        Sent viaMatrix = send(alice, roomId, "sealed then redacted", Map.of());
        post(alice, "/encrypt", Map.of("message_id", viaMatrix.id(), "encryption_type", "simple", "password", "pw"))
                .statusCode(200);
        Rooms.redact(alice, roomId, viaMatrix.eventId());
        assertThat(tables.where("encrypted_messages", "event_id", viaMatrix.eventId())).isEmpty();
        as(bob).get("/api/messages/" + viaMatrix.id()).then().statusCode(200).body("data.status", equalTo("recalled"));

        // A self-destruct time set with the encryption does not turn the recalled message into a destroyed one.
        Sent timed = send(alice, roomId, "sealed, timed, then taken back", Map.of());
        post(alice, "/encrypt", Map.of("message_id", timed.id(), "encryption_type", "simple", "password", "pw",
                "self_destruct_time", 60)).statusCode(200);
        as(alice).body(Map.of("message_id", timed.id())).post("/api/messages/recall").then().statusCode(200);
        assertThat(tables.where("self_destructs", "event_id", timed.eventId())).isEmpty();
        selfDestruct.destroyDue(Instant.now().plusSeconds(61));
        as(bob).get("/api/messages/" + timed.id()).then().statusCode(200).body("data.status", equalTo("recalled"));
        as(bob).get(API + "/" + timed.id() + "/info").then().statusCode(200)
                .body("data.is_self_destruct", equalTo(false)).body("data.is_destroyed", equalTo(false));
    }

    @Test
    void a_self_destructing_message_is_redacted_for_everyone_and_purged_at_its_time() {
        var alice = Matrix.registerFresh("sd-a");
        var bob = Matrix.registerFresh("sd-b");
        String roomId = room(alice, bob);
        String marker = "burn after reading " + Matrix.freshName("m");
        Sent sent = send(alice, roomId, marker, Map.of());
        post(alice, "/self-destruct", Map.of("message_id", sent.id(), "destruct_time", 0)).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(bob, "/self-destruct", Map.of("message_id", sent.id(), "destruct_time", 5)).statusCode(403);
        post(alice, "/self-destruct", Map.of("message_id", sent.id(), "destruct_time", 3600)).statusCode(200);
        as(bob).get(API + "/" + sent.id() + "/info").then().statusCode(200)
                .body("data.is_self_destruct", equalTo(true)).body("data.is_destroyed", equalTo(false));

        assertThat(selfDestruct.destroyDue(Instant.now().plusSeconds(3599))).isZero();
        assertThat(tables.anyContains("events", marker)).isTrue();
        selfDestruct.destroyDue(Instant.now().plusSeconds(3601));

        as(bob).get(Rooms.path(roomId) + "/event/" + sent.eventId()).then().statusCode(200)
                .body("content.size()", equalTo(0)).body("unsigned.redacted_because.sender", equalTo(alice.userId()));
        assertThat(tables.anyContains("events", marker)).isFalse();
        as(bob).get(API + "/" + sent.id() + "/info").then().statusCode(200).body("data.is_destroyed", equalTo(true));
        as(bob).get("/api/messages/" + sent.id()).then().statusCode(200).body("data.status", equalTo("destroyed"))
                .body("data.content", equalTo(null));
        assertThat(selfDestruct.destroyDue(Instant.now().plusSeconds(7200))).isZero();
    }

    @Test
    void msc2228_self_destruct_after_is_honoured_from_a_plain_matrix_send() {
        var alice = Matrix.registerFresh("sd2228-a");
        var bob = Matrix.registerFresh("sd2228-b");
        String roomId = room(alice, bob);
        long at = Instant.now().plusSeconds(600).toEpochMilli();
        String marker = "msc2228 " + Matrix.freshName("m");
        String eventId = Rooms.send(alice, roomId, "m.room.message",
                Map.of("msgtype", "m.text", "body", marker, "org.matrix.self_destruct_after", at));
        assertThat(tables.where("self_destructs", "event_id", eventId)).hasSize(1);
        selfDestruct.destroyDue(Instant.ofEpochMilli(at).plusSeconds(1));
        assertThat(tables.anyContains("events", marker)).isFalse();
        as(bob).get(Rooms.path(roomId) + "/event/" + eventId).then().statusCode(200)
                .body("content.size()", equalTo(0));
        assertThat(List.of(eventId)).isNotEmpty();
    }

    @Test
    void encrypt_with_a_self_destruct_time_schedules_it() {
        var alice = Matrix.registerFresh("enc-sd");
        var bob = Matrix.registerFresh("enc-sdb");
        Sent sent = send(alice, room(alice, bob), "short-lived secret", Map.of());
        post(alice, "/encrypt", Map.of("message_id", sent.id(), "encryption_type", "simple", "password", "pw",
                "self_destruct_time", 60)).statusCode(200);
        as(alice).get(API + "/" + sent.id() + "/info").then().statusCode(200)
                .body("data.is_self_destruct", equalTo(true)).body("data.self_destruct_time", notNullValue());
        selfDestruct.destroyDue(Instant.now().plusSeconds(61));
        post(bob, "/decrypt", Map.of("message_id", sent.id(), "password", "pw")).statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(String.join("", tables.where("encrypted_messages", "event_id", sent.eventId())))
                .doesNotContain("ciphertext");
    }
}
