package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.zhihang.application.port.in.lifecycle.EditHistoryQueries;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EditHistory;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Recall and edit rules on the Matrix paths ({@code PUT /redact}, {@code PUT /send} with {@code m.replace}), with the
 * server's clock moved by the test: the 24 hour and 48 hour edges to the millisecond, the edit limit, also under
 * concurrent edits, and moderation at any age.
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
class MessageLifecycleApiTest {
    private static final Duration MS = Duration.ofMillis(1);
    private static final Duration DAY = Duration.ofHours(24);
    private static final AtomicInteger TXN = new AtomicInteger();

    @Inject
    TestClock clock;

    @Inject
    EditHistoryQueries editHistory;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    /** Alice creates a public room (power level 100, so she may redact others) and Bob joins it. */
    private record Room(Matrix.Session alice, Matrix.Session bob, String roomId) {
    }

    private static Room room(String prefix) {
        Matrix.Session alice = Matrix.registerFresh(prefix + "a");
        Matrix.Session bob = Matrix.registerFresh(prefix + "b");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        return new Room(alice, bob, roomId);
    }

    private static ValidatableResponse redact(Matrix.Session who, String roomId, String eventId) {
        return as(who).body(Map.of()).put(path(roomId) + "/redact/" + eventId + "/lc" + TXN.incrementAndGet()).then();
    }

    private static ValidatableResponse edit(Matrix.Session who, String roomId, String originalId, String text) {
        return edit(who, roomId, originalId, text, "lc" + TXN.incrementAndGet(), null);
    }

    private static ValidatableResponse edit(Matrix.Session who, String roomId, String originalId, String text,
                                            String txnId, String reason) {
        Map<String, Object> content = new HashMap<>(Map.of("msgtype", "m.text", "body", "* " + text,
                "m.new_content", Map.of("msgtype", "m.text", "body", text),
                "m.relates_to", Map.of("rel_type", "m.replace", "event_id", originalId)));
        if (reason != null) {
            content.put("org.zhihang.edit_reason", reason);
        }
        return as(who).body(content).put(path(roomId) + "/send/m.room.message/" + txnId).then();
    }

    private static void refused(ValidatableResponse response, int status, String errcode) {
        response.statusCode(status).body("errcode", equalTo(errcode));
    }

    private Requester requester(Matrix.Session session) {
        return new Requester(UserId.parse(session.userId()), new DeviceId(session.deviceId()), null, false);
    }

    @Test
    void the_sender_recalls_a_message_once() {
        Room r = room("rc");
        String message = Rooms.send(r.bob(), r.roomId(), "Oops");

        redact(r.bob(), r.roomId(), message).statusCode(200);

        refused(redact(r.bob(), r.roomId(), message), 400, "M_UNKNOWN");
        as(r.alice()).get(path(r.roomId()) + "/event/" + message).then().statusCode(200)
                .body("content", equalTo(Map.of()));
    }

    @Test
    void recall_is_allowed_a_millisecond_before_24_hours_and_refused_a_millisecond_after() {
        Room r = room("rw");
        Instant sent = clock.freeze();
        String early = Rooms.send(r.bob(), r.roomId(), "early");
        String late = Rooms.send(r.bob(), r.roomId(), "late");

        clock.set(sent.plus(DAY).minus(MS));
        redact(r.bob(), r.roomId(), early).statusCode(200);

        clock.set(sent.plus(DAY).plus(MS));
        redact(r.bob(), r.roomId(), late).statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("A message can only be recalled within 24 hours of sending it"));
    }

    @Test
    void a_moderator_redacts_someone_elses_three_day_old_message() {
        Room r = room("md");
        clock.freeze();
        String message = Rooms.send(r.bob(), r.roomId(), "spam");
        clock.advance(Duration.ofDays(3));

        redact(r.alice(), r.roomId(), message).statusCode(200);

        refused(redact(r.bob(), r.roomId(), Rooms.send(r.alice(), r.roomId(), "admin")), 403, "M_FORBIDDEN");
    }

    @Test
    void only_the_sender_may_edit_a_message() {
        Room r = room("ed");
        String message = Rooms.send(r.alice(), r.roomId(), "mine");

        edit(r.bob(), r.roomId(), message, "hijacked").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("Only the sender of a message may edit it"));
        edit(r.alice(), r.roomId(), message, "still mine").statusCode(200);
    }

    @Test
    void five_edits_pass_and_the_sixth_is_refused() {
        Room r = room("lim");
        String message = Rooms.send(r.bob(), r.roomId(), "v0");
        for (int i = 1; i <= 5; i++) {
            edit(r.bob(), r.roomId(), message, "v" + i).statusCode(200);
        }

        edit(r.bob(), r.roomId(), message, "v6").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("A message can be edited at most 5 times"));
        assertThat(editHistory.editHistory(requester(r.alice()), message).count()).isEqualTo(5);
    }

    @Test
    void an_edit_is_allowed_a_millisecond_before_48_hours_and_refused_a_millisecond_after() {
        Room r = room("ew");
        Instant sent = clock.freeze();
        String message = Rooms.send(r.bob(), r.roomId(), "v0");

        clock.set(sent.plus(Duration.ofHours(48)).minus(MS));
        edit(r.bob(), r.roomId(), message, "v1").statusCode(200);

        clock.set(sent.plus(Duration.ofHours(48)).plus(MS));
        edit(r.bob(), r.roomId(), message, "v2").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"))
                .body("error", equalTo("A message can only be edited within 48 hours of sending it"));
    }

    @Test
    void a_recalled_message_an_edit_and_a_message_of_another_room_cannot_be_edited() {
        Room r = room("er");
        String message = Rooms.send(r.bob(), r.roomId(), "v0");
        String firstEdit = edit(r.bob(), r.roomId(), message, "v1").statusCode(200).extract().path("event_id");
        refused(edit(r.bob(), r.roomId(), firstEdit, "v1.1"), 400, "M_UNKNOWN");

        redact(r.bob(), r.roomId(), message).statusCode(200);
        edit(r.bob(), r.roomId(), message, "v2").statusCode(400).body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("A recalled message cannot be edited"));

        String elsewhere = Rooms.create(r.bob(), Map.of());
        refused(edit(r.bob(), elsewhere, Rooms.send(r.bob(), r.roomId(), "here"), "moved"), 400, "M_UNKNOWN");
        refused(edit(r.bob(), r.roomId(), "$unknown", "ghost"), 400, "M_UNKNOWN");
    }

    @Test
    void concurrent_edits_never_pass_the_limit() throws Exception {
        Room r = room("ce");
        String message = Rooms.send(r.bob(), r.roomId(), "v0");
        for (int i = 1; i <= 3; i++) {
            edit(r.bob(), r.roomId(), message, "v" + i).statusCode(200);
        }
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String txnId = "race" + i + "-" + TXN.incrementAndGet();
                int n = 4 + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return edit(r.bob(), r.roomId(), message, "v" + n, txnId, null).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(codes).filteredOn(c -> c == 200).hasSize(2);
            assertThat(codes).filteredOn(c -> c == 403).hasSize(racers - 2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(editHistory.editHistory(requester(r.bob()), message).count()).isEqualTo(5);
    }

    @Test
    void the_edit_history_shows_each_version_with_its_time_and_reason() {
        Room r = room("eh");
        Instant sent = clock.freeze();
        String message = Rooms.send(r.bob(), r.roomId(), "helo");
        clock.advance(Duration.ofMinutes(1));
        String first = edit(r.bob(), r.roomId(), message, "hello", "lc" + TXN.incrementAndGet(), "typo")
                .statusCode(200).extract().path("event_id");
        clock.advance(Duration.ofMinutes(1));
        String second = edit(r.bob(), r.roomId(), message, "hello!").statusCode(200).extract().path("event_id");

        EditHistory history = editHistory.editHistory(requester(r.alice()), message);

        assertThat(history.count()).isEqualTo(2);
        assertThat(history.edits()).extracting(EditHistory.Entry::editEventId).containsExactly(first, second);
        assertThat(history.edits()).extracting(EditHistory.Entry::editedAt)
                .containsExactly(sent.plus(Duration.ofMinutes(1)), sent.plus(Duration.ofMinutes(2)));
        assertThat(history.edits()).extracting(EditHistory.Entry::reason).containsExactly("typo", null);
        assertThat(history.edits()).extracting(e -> e.oldContent().string("body").orElseThrow())
                .containsExactly("helo", "hello");
        assertThat(history.edits()).extracting(e -> e.newContent().string("body").orElseThrow())
                .containsExactly("hello", "hello!");
    }
}
