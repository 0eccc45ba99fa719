package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.zhihang.application.port.in.delayed.FireDelayedEventsUseCase;
import io.zhihang.application.port.out.delayed.DelayedEventRepository;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Rooms.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * MSC4140 delayed events over HTTP: scheduling through the send and state endpoints, the owner's list and actions,
 * and the scheduler sending each due event exactly once (also with several schedulers at once, and for rows left by
 * an earlier run of the server). Firing is driven through the use case with a time in the future, so no test waits
 * for the clock; one test lets the real scheduler pick up a due event.
 */
@QuarkusTest
class DelayedEventsApiTest {
    private static final String DELAYED = "/_matrix/client/unstable/org.matrix.msc4140/delayed_events";
    private static final long HOUR = 3_600_000;

    @Inject
    FireDelayedEventsUseCase fire;
    @Inject
    DelayedEventRepository repository;

    private static String schedule(Matrix.Session sender, String roomId, String body, long delayMillis) {
        return as(sender).body(Map.of("msgtype", "m.text", "body", body))
                .put(path(roomId) + "/send/m.room.message/" + UUID.randomUUID() + "?org.matrix.msc4140.delay="
                        + delayMillis)
                .then().log().ifValidationFails().statusCode(200).extract().path("delay_id");
    }

    private static List<String> messageBodies(Matrix.Session reader, String roomId) {
        List<Map<String, Object>> chunk = as(reader).get(path(roomId) + "/messages?dir=b&limit=200")
                .then().statusCode(200).extract().path("chunk");
        return Syncs.bodies(chunk);
    }

    private static List<Map<String, Object>> listed(Matrix.Session owner, String query) {
        return as(owner).get(DELAYED + query).then().log().ifValidationFails().statusCode(200)
                .extract().path("delayed_events");
    }

    private static List<String> delayIds(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("delay_id")).toList();
    }

    private static Map<String, Object> finalised(Matrix.Session owner, String delayId) {
        List<Map<String, Object>> events = listed(owner, "?status=finalised&delay_id=" + delayId);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private void fireAsIfIn(Duration ahead) {
        fire.fireDue(Instant.now().plus(ahead));
    }

    private static String room(Matrix.Session creator, Matrix.Session... members) {
        String roomId = Rooms.create(creator, Map.of("preset", "public_chat"));
        for (Matrix.Session member : members) {
            Rooms.join(member, roomId);
        }
        return roomId;
    }

    @Test
    void versions_advertises_delayed_events() {
        RestAssured.get("/_matrix/client/versions").then().statusCode(200)
                .body("unstable_features.'org.matrix.msc4140'", equalTo(true));
    }

    @Test
    void a_scheduled_message_is_listed_then_sent_once_due_and_reaches_the_other_members() {
        Matrix.Session alice = Matrix.registerFresh("dea");
        Matrix.Session bob = Matrix.registerFresh("deb");
        String roomId = room(alice, bob);
        Map<String, Object> bobsSync = Syncs.initial(bob);

        String delayId = schedule(alice, roomId, "see you later", HOUR);

        List<Map<String, Object>> scheduled = listed(alice, "");
        assertThat(delayIds(scheduled)).contains(delayId);
        Map<String, Object> entry = scheduled.stream().filter(e -> e.get("delay_id").equals(delayId)).findFirst()
                .orElseThrow();
        assertThat(entry).containsEntry("room_id", roomId).containsEntry("type", "m.room.message")
                .containsEntry("delay", (int) HOUR).containsKey("running_since").doesNotContainKey("state_key");
        assertThat(entry.get("content")).isEqualTo(Map.of("msgtype", "m.text", "body", "see you later"));
        assertThat(messageBodies(bob, roomId)).doesNotContain("see you later");

        fireAsIfIn(Duration.ofHours(2));
        fireAsIfIn(Duration.ofHours(2));

        assertThat(messageBodies(bob, roomId)).containsOnlyOnce("see you later");
        List<Map<String, Object>> timeline = Syncs.timeline(Syncs.since(bob, bobsSync), roomId);
        assertThat(Syncs.bodies(timeline)).containsExactly("see you later");
        assertThat(timeline.getFirst()).containsEntry("sender", alice.userId());
        assertThat(delayIds(listed(alice, ""))).doesNotContain(delayId);
        Map<String, Object> sent = finalised(alice, delayId);
        assertThat(sent).containsEntry("event_id", timeline.getFirst().get("event_id")).containsKey("origin_server_ts");
    }

    @Test
    void the_scheduler_sends_a_due_event_by_itself() {
        Matrix.Session alice = Matrix.registerFresh("des");
        Matrix.Session bob = Matrix.registerFresh("desb");
        String roomId = room(alice, bob);

        schedule(alice, roomId, "right away", 1);

        awaitUpTo(Duration.ofSeconds(20), () -> messageBodies(bob, roomId).contains("right away"));
        assertThat(messageBodies(bob, roomId)).containsOnlyOnce("right away");
    }

    @Test
    void a_cancelled_event_is_never_sent() {
        Matrix.Session alice = Matrix.registerFresh("dec");
        String roomId = room(alice);
        String delayId = schedule(alice, roomId, "never mind", HOUR);

        as(alice).body(Map.of("action", "cancel")).post(DELAYED + "/" + delayId).then().statusCode(200)
                .body(equalTo("{}"));
        fireAsIfIn(Duration.ofHours(2));

        assertThat(messageBodies(alice, roomId)).doesNotContain("never mind");
        assertThat(delayIds(listed(alice, ""))).doesNotContain(delayId);
        assertThat(finalised(alice, delayId)).doesNotContainKeys("event_id", "error");
        // Cancelling again is fine; sending or restarting a cancelled event is a conflict.
        as(alice).post(DELAYED + "/" + delayId + "/cancel").then().statusCode(200);
        as(alice).post(DELAYED + "/" + delayId + "/send").then().statusCode(409).body("errcode", equalTo("M_UNKNOWN"));
        as(alice).body(Map.of("action", "restart")).post(DELAYED + "/" + delayId).then().statusCode(409);
    }

    @Test
    void a_restart_starts_the_delay_again_from_now() {
        Matrix.Session alice = Matrix.registerFresh("der");
        String roomId = room(alice);
        // Scheduled 50 minutes ago with a delay of an hour: due in 10 minutes.
        Instant now = Instant.now();
        DelayedEvent event = DelayedEvent.schedule(UUID.randomUUID().toString(), UserId.parse(alice.userId()),
                new DeviceId(alice.deviceId()), null, roomId, "m.room.message", null,
                JsonObject.builder().put("msgtype", "m.text").put("body", "heartbeat").build(), Duration.ofHours(1),
                now.minus(Duration.ofMinutes(50)));
        insert(event);

        as(alice).post(DELAYED + "/" + event.delayId() + "/restart").then().statusCode(200);

        Map<String, Object> listedEvent = listed(alice, "?delay_id=" + event.delayId()).getFirst();
        assertThat(((Number) listedEvent.get("running_since")).longValue()).isGreaterThanOrEqualTo(now.toEpochMilli());
        fireAsIfIn(Duration.ofMinutes(30));
        assertThat(messageBodies(alice, roomId)).doesNotContain("heartbeat");
        fireAsIfIn(Duration.ofMinutes(61));
        assertThat(messageBodies(alice, roomId)).containsOnlyOnce("heartbeat");
    }

    @Test
    void send_now_sends_at_once_and_only_once() {
        Matrix.Session alice = Matrix.registerFresh("den");
        Matrix.Session bob = Matrix.registerFresh("denb");
        String roomId = room(alice, bob);
        String delayId = schedule(alice, roomId, "now rather than later", HOUR);

        as(alice).body(Map.of("action", "send")).post(DELAYED + "/" + delayId).then().statusCode(200);
        as(alice).post(DELAYED + "/" + delayId + "/send").then().statusCode(200);
        fireAsIfIn(Duration.ofHours(2));

        assertThat(messageBodies(bob, roomId)).containsOnlyOnce("now rather than later");
        assertThat(finalised(alice, delayId)).containsKey("event_id");
        as(alice).post(DELAYED + "/" + delayId + "/cancel").then().statusCode(409);
    }

    @Test
    void a_delayed_state_event_sets_the_state_when_due() {
        Matrix.Session alice = Matrix.registerFresh("det");
        String roomId = room(alice);

        String delayId = as(alice).body(Map.of("topic", "Later topic"))
                .put(R0 + "/rooms/" + roomId + "/state/m.room.topic?org.matrix.msc4140.delay=" + HOUR)
                .then().statusCode(200).extract().path("delay_id");
        assertThat(listed(alice, "?delay_id=" + delayId).getFirst()).containsEntry("state_key", "");
        as(alice).get(path(roomId) + "/state/m.room.topic").then().statusCode(404);

        fireAsIfIn(Duration.ofHours(2));

        as(alice).get(path(roomId) + "/state/m.room.topic").then().statusCode(200)
                .body("topic", equalTo("Later topic"));
    }

    @Test
    void a_send_refused_at_the_due_time_fails_the_event_instead_of_retrying() {
        Matrix.Session alice = Matrix.registerFresh("def");
        Matrix.Session bob = Matrix.registerFresh("defb");
        String roomId = room(alice, bob);
        String delayId = schedule(bob, roomId, "from beyond", HOUR);
        as(bob).body(Map.of()).post(path(roomId) + "/leave").then().statusCode(200);

        // The owner's own send is refused and the event stays scheduled (MSC4140) ...
        as(bob).post(DELAYED + "/" + delayId + "/send").then().statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(delayIds(listed(bob, ""))).contains(delayId);
        // ... but at the due time the refusal finalises it.
        fireAsIfIn(Duration.ofHours(2));
        fireAsIfIn(Duration.ofHours(2));

        assertThat(messageBodies(alice, roomId)).doesNotContain("from beyond");
        Map<String, Object> failed = finalised(bob, delayId);
        assertThat(failed).doesNotContainKey("event_id");
        assertThat(failed.get("error")).isEqualTo(Map.of("errcode", "M_FORBIDDEN",
                "error", ((Map<?, ?>) failed.get("error")).get("error")));
    }

    @Test
    void a_bad_delay_is_refused() {
        Matrix.Session alice = Matrix.registerFresh("ded");
        String roomId = room(alice);
        for (String delay : List.of("0", "-5", "soon", "1.5")) {
            as(alice).body(Map.of("body", "x")).put(path(roomId) + "/send/m.room.message/t" + delay.hashCode()
                            + "?org.matrix.msc4140.delay=" + delay)
                    .then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        }
        long tooLong = Duration.ofDays(30).toMillis() + 1;
        as(alice).body(Map.of("topic", "x"))
                .put(path(roomId) + "/state/m.room.topic/?org.matrix.msc4140.delay=" + tooLong)
                .then().statusCode(400).body("errcode", equalTo("M_UNKNOWN"))
                .body("'org.matrix.msc4140.errcode'", equalTo("M_MAX_DELAY_EXCEEDED"))
                .body("'org.matrix.msc4140.max_delay'", equalTo(Duration.ofDays(30).toMillis()));
        as(alice).body(Map.of("body", "x"))
                .put(path("!nowhere:localhost") + "/send/m.room.message/t1?org.matrix.msc4140.delay=1000")
                .then().statusCode(404);
        assertThat(listed(alice, "")).isEmpty();
    }

    @Test
    void only_the_owner_sees_and_manages_a_delayed_event() {
        Matrix.Session alice = Matrix.registerFresh("deo");
        Matrix.Session mallory = Matrix.registerFresh("dem");
        String roomId = room(alice, mallory);
        String delayId = schedule(alice, roomId, "mine", HOUR);

        for (String action : List.of("cancel", "restart", "send")) {
            as(mallory).body(Map.of("action", action)).post(DELAYED + "/" + delayId)
                    .then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
            as(mallory).post(DELAYED + "/" + delayId + "/" + action).then().statusCode(404);
        }
        as(mallory).get(DELAYED + "/" + delayId).then().statusCode(404);
        assertThat(delayIds(listed(mallory, ""))).doesNotContain(delayId);
        as(alice).post(DELAYED + "/no-such-id/cancel").then().statusCode(404);
        RestAssured.given().post(DELAYED + "/" + delayId + "/cancel").then().statusCode(401);
        as(alice).body(Map.of("action", "explode")).post(DELAYED + "/" + delayId).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of()).post(DELAYED + "/" + delayId).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).get(DELAYED + "?status=whenever").then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));

        as(alice).get(DELAYED + "/" + delayId).then().statusCode(200).body("delay_id", equalTo(delayId));
        as(alice).get(DELAYED).then().statusCode(200).body("delayed_events.delay_id", hasItem(delayId));
        assertThat(messageBodies(alice, roomId)).doesNotContain("mine");
    }

    @Test
    void a_retried_scheduling_request_names_the_same_delayed_event() {
        Matrix.Session alice = Matrix.registerFresh("dei");
        String roomId = room(alice);
        String url = path(roomId) + "/send/m.room.message/retry-me?org.matrix.msc4140.delay=" + HOUR;

        String first = as(alice).body(Map.of("body", "once")).put(url).then().statusCode(200).extract().path("delay_id");
        String again = as(alice).body(Map.of("body", "once")).put(url).then().statusCode(200).extract().path("delay_id");

        assertThat(again).isEqualTo(first);
        assertThat(delayIds(listed(alice, ""))).containsOnlyOnce(first);
    }

    @Test
    void a_row_left_by_an_earlier_run_is_sent_by_the_scheduler() {
        Matrix.Session alice = Matrix.registerFresh("dep");
        String roomId = room(alice);
        // As the previous process left it: scheduled, and overdue by now.
        DelayedEvent leftOver = DelayedEvent.schedule(UUID.randomUUID().toString(), UserId.parse(alice.userId()),
                new DeviceId(alice.deviceId()), null, roomId, "m.room.message", null,
                JsonObject.builder().put("msgtype", "m.text").put("body", "from the last run").build(),
                Duration.ofMinutes(5), Instant.now().minus(Duration.ofHours(1)));
        insert(leftOver);

        awaitUpTo(Duration.ofSeconds(20), () -> messageBodies(alice, roomId).contains("from the last run"));
        assertThat(messageBodies(alice, roomId)).containsOnlyOnce("from the last run");
    }

    @Test
    void several_schedulers_at_once_send_each_event_exactly_once() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("dex");
        Matrix.Session bob = Matrix.registerFresh("dexb");
        List<String> rooms = List.of(room(alice, bob), room(bob, alice));
        List<String> delayIds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Matrix.Session sender = i % 2 == 0 ? alice : bob;
            delayIds.add(schedule(sender, rooms.get(i % 3 == 0 ? 0 : 1), "burst " + i, HOUR));
        }

        int schedulers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(schedulers);
        CountDownLatch start = new CountDownLatch(1);
        Instant dueBy = Instant.now().plus(Duration.ofHours(2));
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < schedulers; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return fire.fireDue(dueBy);
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<String> bodies = new ArrayList<>(messageBodies(alice, rooms.get(0)));
        bodies.addAll(messageBodies(alice, rooms.get(1)));
        for (int i = 0; i < 24; i++) {
            assertThat(bodies).containsOnlyOnce("burst " + i);
        }
        List<Object> eventIds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            eventIds.add(finalised(i % 2 == 0 ? alice : bob, delayIds.get(i)).get("event_id"));
        }
        assertThat(eventIds).doesNotContainNull().doesNotHaveDuplicates();
    }

    /** Writes a row directly, as an earlier run of the server would have left it. */
    private void insert(DelayedEvent event) {
        repository.insert(event);
    }

    /** Polls until {@code condition} holds, failing after {@code limit}: a bounded wait for the 1-second scheduler. */
    private static void awaitUpTo(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + limit).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
