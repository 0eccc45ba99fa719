package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.server.push.PushDeliveryWorker;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * HTTP push delivery: what a push gateway receives when someone writes to a user with a pusher, retries after the
 * gateway fails, pushkeys the gateway rejects, and the pushers that go with a device.
 */
@QuarkusTest
class PushDeliveryApiTest {
    private static final String APP = "org.example.app";

    @Inject
    PushDeliveryWorker worker;

    private TestPushGateway gateway;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new TestPushGateway();
    }

    @AfterEach
    void stopGateway() {
        worker.start();
        gateway.close();
    }

    private Map<String, Object> pusher(String pushkey, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("pushkey", pushkey);
        body.put("kind", "http");
        body.put("app_id", APP);
        body.put("app_display_name", "Example");
        body.put("device_display_name", "Phone");
        body.put("lang", "en");
        Map<String, Object> withUrl = new HashMap<>(data);
        withUrl.put("url", gateway.url());
        body.put("data", withUrl);
        return body;
    }

    private static void setPusher(Matrix.Session user, Map<String, Object> pusher) {
        as(user).body(pusher).post(V3 + "/pushers/set").then().statusCode(200);
    }

    /** Alice and Bob ("Bob Builder") in a room named "Lunch" that Alice made; returns its id. */
    private static String lunchWith(Matrix.Session alice, Matrix.Session bob) {
        as(bob).body(Map.of("displayname", "Bob Builder")).put(V3 + "/profile/" + bob.userId() + "/displayname")
                .then().statusCode(200);
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat", "name", "Lunch"));
        Rooms.join(bob, roomId);
        return roomId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notification(Map<String, Object> body) {
        return (Map<String, Object>) body.get("notification");
    }

    /** The one device of the notification, without its {@code pushkey_ts} (checked apart: it is a time). */
    @SuppressWarnings("unchecked")
    private static long takePushkeyTs(Map<String, Object> body) {
        Map<String, Object> device = ((List<Map<String, Object>>) notification(body).get("devices")).getFirst();
        return ((Number) device.remove("pushkey_ts")).longValue();
    }

    @Test
    void a_message_reaches_the_gateway_with_the_event_the_room_and_the_unread_count() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("pusha");
        Matrix.Session bob = Matrix.registerFresh("pushb");
        String roomId = lunchWith(alice, bob);
        String pushkey = Matrix.freshName("key");
        Instant set = Instant.now();
        setPusher(alice, pusher(pushkey, Map.of("default_payload", Map.of("aps", Map.of("mutable-content", 1)))));

        String eventId = Rooms.send(bob, roomId, "Shall we?");

        Map<String, Object> body = gateway.next();
        long pushkeyTs = takePushkeyTs(body);
        assertThat(pushkeyTs).isBetween(set.getEpochSecond() - 1, Instant.now().getEpochSecond());
        assertThat(body).isEqualTo(Map.of("notification", Map.of(
                "event_id", eventId,
                "room_id", roomId,
                "type", "m.room.message",
                "sender", bob.userId(),
                "sender_display_name", "Bob Builder",
                "room_name", "Lunch",
                "prio", "high",
                "content", Map.of("msgtype", "m.text", "body", "Shall we?"),
                "counts", Map.of("unread", 1),
                "devices", List.of(Map.of(
                        "app_id", APP,
                        "pushkey", pushkey,
                        "data", Map.of("default_payload", Map.of("aps", Map.of("mutable-content", 1))),
                        "tweaks", Map.of("sound", "default"))))));
    }

    @Test
    void an_event_id_only_pusher_gets_ids_priority_and_counts() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("pushc");
        Matrix.Session bob = Matrix.registerFresh("pushd");
        String roomId = lunchWith(alice, bob);
        String pushkey = Matrix.freshName("key");
        setPusher(alice, pusher(pushkey, Map.of("format", "event_id_only")));

        String eventId = Rooms.send(bob, roomId, "Shall we?");

        Map<String, Object> body = gateway.next();
        takePushkeyTs(body);
        assertThat(body).isEqualTo(Map.of("notification", Map.of(
                "event_id", eventId,
                "room_id", roomId,
                "prio", "high",
                "counts", Map.of("unread", 1),
                "devices", List.of(Map.of(
                        "app_id", APP,
                        "pushkey", pushkey,
                        "data", Map.of("format", "event_id_only"))))));
    }

    @Test
    void reading_sends_a_badge_only_update_with_the_lower_count() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("pushn");
        Matrix.Session bob = Matrix.registerFresh("pusho");
        String roomId = lunchWith(alice, bob);
        String pushkey = Matrix.freshName("key");
        setPusher(alice, pusher(pushkey, Map.of("format", "event_id_only")));
        String eventId = Rooms.send(bob, roomId, "Shall we?");
        assertThat(notification(gateway.next()).get("counts")).isEqualTo(Map.of("unread", 1));

        as(alice).body(Map.of()).post(Rooms.path(roomId) + "/receipt/m.read/" + eventId).then().statusCode(200);

        Map<String, Object> badge = gateway.next();
        takePushkeyTs(badge);
        Map<String, Object> expected = new HashMap<>();
        expected.put("id", "");
        expected.put("type", null);
        expected.put("sender", "");
        expected.put("counts", Map.of("unread", 0));
        expected.put("devices", List.of(Map.of("app_id", APP, "pushkey", pushkey,
                "data", Map.of("format", "event_id_only"))));
        assertThat(badge).isEqualTo(Map.of("notification", expected));
    }

    @Test
    void a_failing_gateway_gets_the_notification_again_after_a_second_and_then_the_next() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("pushe");
        Matrix.Session bob = Matrix.registerFresh("pushf");
        String roomId = lunchWith(alice, bob);
        setPusher(alice, pusher(Matrix.freshName("key"), Map.of("format", "event_id_only")));
        gateway.answer(500, "{\"error\": \"down for maintenance\"}");

        String first = Rooms.send(bob, roomId, "one");
        Map<String, Object> failed = gateway.next();
        Instant failedAt = Instant.now();
        Map<String, Object> retried = gateway.next();

        assertThat(Duration.between(failedAt, Instant.now())).isGreaterThan(Duration.ofMillis(500));
        assertThat(notification(failed).get("event_id")).isEqualTo(first);
        assertThat(notification(retried).get("event_id")).isEqualTo(first);

        String second = Rooms.send(bob, roomId, "two");
        assertThat(notification(gateway.next()).get("event_id")).isEqualTo(second);
    }

    @Test
    void a_pushkey_the_gateway_rejects_removes_the_pusher() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("pushg");
        Matrix.Session bob = Matrix.registerFresh("pushh");
        String roomId = lunchWith(alice, bob);
        String pushkey = Matrix.freshName("key");
        setPusher(alice, pusher(pushkey, Map.of()));
        gateway.answer(200, "{\"rejected\": [\"" + pushkey + "\"]}");

        Rooms.send(bob, roomId, "anyone?");
        gateway.next();

        awaitPushers(alice, 0);
    }

    @Test
    void notifications_recorded_while_delivery_is_stopped_are_sent_when_it_starts() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("pushi");
        Matrix.Session bob = Matrix.registerFresh("pushj");
        String roomId = lunchWith(alice, bob);
        setPusher(alice, pusher(Matrix.freshName("key"), Map.of("format", "event_id_only")));

        worker.stop();
        String first = Rooms.send(bob, roomId, "one");
        String second = Rooms.send(bob, roomId, "two");
        worker.start();

        assertThat(notification(gateway.next()).get("event_id")).isEqualTo(first);
        assertThat(notification(gateway.next()).get("event_id")).isEqualTo(second);
    }

    @Test
    void a_password_change_removes_the_pushers_of_the_devices_it_logs_out() {
        Matrix.Session alice = Matrix.registerFresh("pushk");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);
        Matrix.Session tablet = Matrix.login(alice.userId(), PASSWORD);
        String kept = Matrix.freshName("laptop");
        setPusher(alice, pusher(kept, Map.of()));
        setPusher(phone, pusher(Matrix.freshName("phone"), Map.of()));
        setPusher(tablet, pusher(Matrix.freshName("tablet"), Map.of()));
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(3));

        as(tablet).body(Map.of()).post(V3 + "/logout").then().statusCode(200);
        as(alice).get(V3 + "/pushers").then().statusCode(200).body("pushers", hasSize(2));

        String session = as(alice).body(Map.of("new_password", "new secret"))
                .post(V3 + "/account/password").then().statusCode(401).extract().path("session");
        as(alice).body(Map.of("new_password", "new secret", "auth", passwordAuth(alice, PASSWORD, session)))
                .post(V3 + "/account/password").then().statusCode(200);

        as(alice).get(V3 + "/pushers").then().statusCode(200)
                .body("pushers", hasSize(1))
                .body("pushers[0].pushkey", equalTo(kept));
    }

    @Test
    void notifications_carry_a_profile_tag() {
        Matrix.Session alice = Matrix.registerFresh("pushl");
        Matrix.Session bob = Matrix.registerFresh("pushm");
        String roomId = lunchWith(alice, bob);
        Rooms.send(bob, roomId, "hello");

        as(alice).get(V3 + "/notifications").then().statusCode(200)
                .body("notifications", hasSize(1))
                .body("notifications[0]", hasKey("profile_tag"))
                .body("notifications[0].profile_tag", nullValue());
    }

    /** Waits (at most 15 s) until the user has {@code count} pushers. */
    private static void awaitPushers(Matrix.Session user, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            List<?> pushers = as(user).get(V3 + "/pushers").then().statusCode(200).extract().path("pushers");
            if (pushers.size() == count || Instant.now().isAfter(deadline)) {
                assertThat(pushers).hasSize(count);
                return;
            }
            Thread.sleep(100);
        }
    }
}
