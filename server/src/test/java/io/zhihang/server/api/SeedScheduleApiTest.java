package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.in.delayed.FireDelayedEventsUseCase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The seed's scheduled messages over HTTP: scheduled, listed, sent at their time, or cancelled and never sent. */
@QuarkusTest
class SeedScheduleApiTest {
    @Inject
    FireDelayedEventsUseCase fire;

    @Test
    void a_scheduled_message_is_sent_at_its_time_and_a_cancelled_one_never() {
        var alice = Matrix.registerFresh("sched-a");
        var bob = Matrix.registerFresh("sched-b");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Instant at = Instant.now().plusSeconds(3600);
        String kept = as(alice).body(Map.of("content", "good morning", "message_type", "text", "target_chat_id", roomId,
                        "scheduled_time", at.toString(), "is_silent", true)).post("/api/messages/schedule").then()
                .statusCode(200).body("data.status", equalTo("scheduled")).body("data.is_executed", equalTo(false))
                .extract().path("data.id");
        String dropped = as(alice).body(Map.of("content", "never mind", "target_chat_id", roomId,
                        "scheduled_time", at.toString())).post("/api/messages/schedule").then().statusCode(200)
                .extract().path("data.id");

        as(alice).get("/api/messages/scheduled").then().statusCode(200)
                .body("data.id", hasItem(kept)).body("data.id", hasItem(dropped));
        as(bob).delete("/api/messages/" + dropped + "/schedule").then().statusCode(404);
        as(alice).delete("/api/messages/" + dropped + "/schedule").then().statusCode(200);

        fire.fireDue(at.plusSeconds(1));

        List<Map<String, Object>> listed = as(alice).get("/api/messages/scheduled").then().statusCode(200)
                .extract().path("data");
        Map<String, Object> sent = listed.stream().filter(m -> kept.equals(m.get("id"))).findFirst().orElseThrow();
        Map<String, Object> cancelled = listed.stream().filter(m -> dropped.equals(m.get("id"))).findFirst()
                .orElseThrow();
        assertThat(sent).containsEntry("is_executed", true).containsEntry("status", "sent");
        assertThat(cancelled).containsEntry("is_cancelled", true).containsEntry("is_executed", false);
        String eventId = (String) sent.get("event_id");
        as(bob).get(Rooms.path(roomId) + "/event/" + eventId).then().statusCode(200)
                .body("content.body", equalTo("good morning")).body("content.msgtype", equalTo("m.notice"));
        List<String> bodies = as(bob).get(Rooms.path(roomId) + "/messages?dir=b&limit=20").then().statusCode(200)
                .extract().path("chunk.content.body");
        assertThat(bodies).contains("good morning").doesNotContain("never mind");
    }

    @Inject
    TableRows tables;

    @Inject
    io.zhihang.application.port.in.lifecycle.DestroyDueMessagesUseCase selfDestruct;

    @Test
    void a_sent_scheduled_message_that_destroys_itself_leaves_no_plaintext_behind() {
        var alice = Matrix.registerFresh("sched-sd");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        String marker = Matrix.freshName("schedsecret").replaceAll("[^a-z0-9]", "");
        Instant at = Instant.now().plusSeconds(60);
        String id = as(alice).body(Map.of("content", marker, "target_chat_id", roomId, "scheduled_time",
                at.toString())).post("/api/messages/schedule").then().statusCode(200).extract().path("data.id");
        fire.fireDue(at.plusSeconds(1));
        String eventId = as(alice).get("/api/messages/scheduled").then().extract().jsonPath()
                .getString("data.find { it.id == '" + id + "' }.event_id");
        as(alice).body(Map.of("message_id", eventId, "destruct_time", 1)).post("/api/encryption/self-destruct")
                .then().statusCode(200);
        selfDestruct.destroyDue(Instant.now().plusSeconds(2));
        assertThat(tables.anyContains("events", marker)).isFalse();
        assertThat(tables.anyContains("delayed_events", marker)).isFalse();
        assertThat(tables.anyContains("event_search", marker)).isFalse();
    }

    @Test
    void bad_schedules_are_refused() {
        var alice = Matrix.registerFresh("sched-bad");
        String roomId = Rooms.create(alice, Map.of("preset", "private_chat"));
        as(alice).body(Map.of("content", "x", "target_chat_id", roomId)).post("/api/messages/schedule").then()
                .statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("content", "x", "target_chat_id", roomId, "scheduled_time", "2020-01-01T00:00:00Z"))
                .post("/api/messages/schedule").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("content", "x", "target_chat_id", roomId, "scheduled_time", "tomorrow"))
                .post("/api/messages/schedule").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("content", "x", "scheduled_time", Instant.now().plusSeconds(60).toString()))
                .post("/api/messages/schedule").then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).delete("/api/messages/nope/schedule").then().statusCode(404);
    }
}
