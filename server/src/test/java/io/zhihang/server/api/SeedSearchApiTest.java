package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * {@code GET /api/messages/search}: words in the rooms the searcher may read, narrowed by chat, sender, type and
 * dates, paged with a total; recalled and encrypted-room messages are never found.
 */
@QuarkusTest
class SeedSearchApiTest {
    private static final String SEARCH = "/api/messages/search";

    private static void send(Matrix.Session user, String roomId, String text) {
        as(user).body(Map.of("content", text, "chat_id", roomId)).post("/api/messages/send").then().statusCode(200);
    }

    private static ValidatableResponse search(Matrix.Session user, String query) {
        return as(user).urlEncodingEnabled(true).get(SEARCH + "?" + query).then();
    }

    @Test
    void search_pages_and_narrows_only_what_the_searcher_may_read() {
        String word = "qz" + Matrix.freshName("w").replaceAll("[^a-z0-9]", "");
        var alice = Matrix.registerFresh("ss-a");
        var bob = Matrix.registerFresh("ss-b");
        var eve = Matrix.registerFresh("ss-e");
        String shared = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, shared);
        String alicesOwn = Rooms.create(alice, Map.of("preset", "private_chat"));
        send(alice, shared, word + " pie");
        send(alice, shared, word + " juice");
        send(bob, shared, word + " tart");
        send(alice, alicesOwn, word + " diary");
        String mxc = MediaApiTest.upload(alice, MediaApiTest.png(2, 2), "image/png", "x.png");
        as(alice).body(Map.of("content", word + " photo", "chat_id", shared, "message_type", "image", "url", mxc))
                .post("/api/messages/send").then().statusCode(200);
        String recalled = as(alice).body(Map.of("content", word + " oops", "chat_id", shared))
                .post("/api/messages/send").then().extract().path("data.event_id");
        Rooms.redact(alice, shared, recalled);
        String encrypted = Rooms.create(alice, Map.of("preset", "private_chat", "initial_state", List.of(Map.of(
                "type", "m.room.encryption", "state_key", "", "content",
                Map.of("algorithm", "m.megolm.v1.aes-sha2")))));
        send(alice, encrypted, word + " plaintext in an encrypted room");

        search(alice, "query=" + word).statusCode(200).body("pagination.total", equalTo(5))
                .body("pagination.page", equalTo(1)).body("pagination.page_size", equalTo(20))
                .body("pagination.pages", equalTo(1)).body("data", hasSize(5))
                .body("data[0].content", equalTo(word + " photo"));
        search(bob, "query=" + word).statusCode(200).body("pagination.total", equalTo(4));
        search(eve, "query=" + word).statusCode(200).body("pagination.total", equalTo(0)).body("data", hasSize(0));

        var page2 = search(alice, "query=" + word + "&page=2&page_size=2").statusCode(200)
                .body("pagination.pages", equalTo(3)).body("data", hasSize(2)).extract();
        assertThat(page2.jsonPath().getList("data.content")).containsExactly(word + " tart", word + " juice");
        search(alice, "query=" + word + "&page=3&page_size=2").statusCode(200).body("data", hasSize(1))
                .body("data[0].content", equalTo(word + " pie"));

        search(alice, "query=" + word + "&chat_id=" + alicesOwn).statusCode(200).body("pagination.total", equalTo(1));
        search(alice, "query=" + word + "&user_id=" + bob.userId()).statusCode(200)
                .body("pagination.total", equalTo(1)).body("data[0].sender.user_id", equalTo(bob.userId()));
        search(alice, "query=" + word + "&message_type=image").statusCode(200).body("pagination.total", equalTo(1))
                .body("data[0].message_type", equalTo("image"));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        search(alice, "query=" + word + "&date_from=" + tomorrow).statusCode(200).body("pagination.total", equalTo(0));
        search(alice, "query=" + word + "&date_to=" + yesterday).statusCode(200).body("pagination.total", equalTo(0));
        search(alice, "query=" + word + "&date_from=" + yesterday + "&date_to=" + tomorrow).statusCode(200)
                .body("pagination.total", equalTo(5));
        search(alice, "query=" + word + "&page_size=500").statusCode(200).body("pagination.page_size", equalTo(100));
    }

    @Test
    void bad_parameters_are_refused() {
        var alice = Matrix.registerFresh("ss-bad");
        search(alice, "page=1").statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        search(alice, "query=x&page=0").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        search(alice, "query=x&page_size=abc").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        search(alice, "query=x&message_type=hologram").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        search(alice, "query=x&date_from=yesterday").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        search(alice, "query=x&chat_id=77777777").statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        io.restassured.RestAssured.get(SEARCH + "?query=x").then().statusCode(401);
    }

    @Test
    void an_edited_message_is_one_result_in_its_latest_version_and_recalling_it_takes_it_out() {
        String before = "qz" + Matrix.freshName("b").replaceAll("[^a-z0-9]", "");
        String after = "qz" + Matrix.freshName("a").replaceAll("[^a-z0-9]", "");
        var alice = Matrix.registerFresh("ss-ed");
        var bob = Matrix.registerFresh("ss-edb");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        var sent = as(alice).body(Map.of("content", "dinner at " + before, "chat_id", roomId))
                .post("/api/messages/send").then().statusCode(200).extract();
        long id = sent.jsonPath().getLong("data.id");
        as(alice).body(Map.of("message_id", id, "content", "dinner at " + after)).post("/api/messages/edit").then()
                .statusCode(200);

        search(bob, "query=" + after).statusCode(200).body("pagination.total", equalTo(1)).body("data", hasSize(1))
                .body("data[0].id", equalTo((int) id)).body("data[0].content", equalTo("dinner at " + after))
                .body("data[0].status", equalTo("edited"));
        search(bob, "query=" + before).statusCode(200).body("pagination.total", equalTo(0)).body("data", hasSize(0));
        search(bob, "query=dinner&chat_id=" + roomId).statusCode(200).body("pagination.total", equalTo(1));

        // Edited once more: still one result, the newest text; the edits are never results of their own.
        as(alice).body(Map.of("message_id", id, "content", "dinner at " + after + " sharp"))
                .post("/api/messages/edit").then().statusCode(200);
        search(bob, "query=" + after).statusCode(200).body("pagination.total", equalTo(1))
                .body("data[0].id", equalTo((int) id)).body("data[0].content", equalTo("dinner at " + after + " sharp"));

        as(bob).body(Map.of("message_id", id)).post("/api/messages/recall").then().statusCode(403);
        as(alice).body(Map.of("message_id", id)).post("/api/messages/recall").then().statusCode(200);
        search(bob, "query=" + after).statusCode(200).body("pagination.total", equalTo(0));
        search(bob, "query=" + before).statusCode(200).body("pagination.total", equalTo(0));
    }
}
