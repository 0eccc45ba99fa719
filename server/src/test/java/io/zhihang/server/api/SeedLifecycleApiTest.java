package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The seed's recall, edit and edit history, held to the same rules as the Matrix paths, at their edges (the server
 * clock is stopped and moved by the test).
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
class SeedLifecycleApiTest {
    private static final String API = "/api/messages";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static ValidatableResponse post(Matrix.Session user, String path, Map<String, Object> body) {
        return as(user).body(body).post(API + path).then();
    }

    private record Chat(Matrix.Session alice, Matrix.Session bob, String roomId) {
    }

    private static Chat chat(String prefix) {
        var alice = Matrix.registerFresh(prefix + "-a");
        var bob = Matrix.registerFresh(prefix + "-b");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        return new Chat(alice, bob, roomId);
    }

    private static long send(Chat c, Matrix.Session from, String text) {
        return post(from, "/send", Map.of("content", text, "chat_id", c.roomId())).statusCode(200).extract()
                .jsonPath().getLong("data.id");
    }

    @Test
    void recall_is_for_the_sender_or_a_moderator_within_24_hours_and_once() {
        Chat c = chat("sl-recall");
        Instant start = clock.freeze();
        long bobs = send(c, c.bob(), "bob's words");
        long early = send(c, c.bob(), "recall me just in time");
        long late = send(c, c.bob(), "too late to recall");

        post(c.bob(), "/recall", Map.of("message_id", bobs, "reason", "typo")).statusCode(200);
        post(c.bob(), "/recall", Map.of("message_id", bobs)).statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
        as(c.alice()).get(API + "/" + bobs).then().statusCode(200).body("data.status", equalTo("recalled"));

        clock.set(start.plus(Duration.ofHours(24)).minusMillis(1));
        post(c.bob(), "/recall", Map.of("message_id", early)).statusCode(200);
        clock.set(start.plus(Duration.ofHours(24)).plusMillis(1));
        post(c.bob(), "/recall", Map.of("message_id", late)).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        post(c.alice(), "/recall", Map.of("message_id", late)).statusCode(403);

        long alices = send(c, c.alice(), "the moderator's own");
        post(c.bob(), "/recall", Map.of("message_id", alices)).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        long bobsFresh = send(c, c.bob(), "moderated");
        post(c.alice(), "/recall", Map.of("message_id", bobsFresh)).statusCode(200);
        post(c.alice(), "/recall", Map.of()).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        post(c.alice(), "/recall", Map.of("message_id", 987_654_321)).statusCode(404);
    }

    @Test
    void edits_are_the_senders_within_48_hours_at_most_five_with_history() {
        Chat c = chat("sl-edit");
        Instant start = clock.freeze();
        long id = send(c, c.alice(), "version 0");
        post(c.bob(), "/edit", Map.of("message_id", id, "content", "hijack")).statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            post(c.alice(), "/edit", Map.of("message_id", id, "content", "version " + i, "reason", "fix " + i))
                    .statusCode(200).body("data.content", equalTo("version " + i))
                    .body("data.status", equalTo("edited"));
        }
        post(c.alice(), "/edit", Map.of("message_id", id, "content", "version 6")).statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));

        var history = as(c.bob()).get(API + "/" + id + "/edit-history").then().statusCode(200)
                .body("data", hasSize(5)).body("count", equalTo(5)).extract();
        List<String> olds = history.path("data.old_content");
        List<String> news = history.path("data.new_content");
        assertThat(olds).containsExactly("version 0", "version 1", "version 2", "version 3", "version 4");
        assertThat(news).containsExactly("version 1", "version 2", "version 3", "version 4", "version 5");
        assertThat(history.<List<String>>path("data.edit_reason")).containsExactly("fix 1", "fix 2", "fix 3", "fix 4",
                "fix 5");
        assertThat(history.<Integer>path("data[0].message_id")).isEqualTo((int) id);

        long later = send(c, c.alice(), "edit window test");
        Instant sent = clock.instant();
        clock.set(sent.plus(Duration.ofHours(48)).minusMillis(1));
        post(c.alice(), "/edit", Map.of("message_id", later, "content", "just in time")).statusCode(200);
        clock.set(sent.plus(Duration.ofHours(48)).plusMillis(1));
        post(c.alice(), "/edit", Map.of("message_id", later, "content", "too late")).statusCode(403);

        long recalled = send(c, c.alice(), "soon gone");
        post(c.alice(), "/recall", Map.of("message_id", recalled)).statusCode(200);
        post(c.alice(), "/edit", Map.of("message_id", recalled, "content", "resurrect")).statusCode(400);
        post(c.alice(), "/edit", Map.of("message_id", later)).statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        var eve = Matrix.registerFresh("sl-edit-e");
        as(eve).get(API + "/" + id + "/edit-history").then().statusCode(404);
        assertThat(start).isBefore(clock.instant());
    }
}
