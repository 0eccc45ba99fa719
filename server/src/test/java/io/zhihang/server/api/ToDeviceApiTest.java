package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Send-to-device messages: sent with {@code PUT /sendToDevice}, delivered by sync until a later token acknowledges them. */
@QuarkusTest
class ToDeviceApiTest {

    private static final AtomicInteger TXN = new AtomicInteger();

    private static String nextTxn() {
        return "txn" + TXN.incrementAndGet();
    }

    private static void send(Matrix.Session sender, String type, String txnId, Map<String, Object> messages) {
        as(sender).body(Map.of("messages", messages)).put(V3 + "/sendToDevice/" + type + "/" + txnId)
                .then().statusCode(200).body("$", equalTo(Map.of()));
    }

    private static void sendTo(Matrix.Session sender, Matrix.Session recipient, Map<String, Object> content) {
        send(sender, "org.example.test", nextTxn(), Map.of(recipient.userId(), Map.of(recipient.deviceId(), content)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> toDevice(Map<String, Object> sync) {
        return (List<Map<String, Object>>) Syncs.at(sync, "to_device").get("events");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> contents(Map<String, Object> sync, String key) {
        return toDevice(sync).stream().map(e -> ((Map<String, Object>) e.get("content")).get(key)).toList();
    }

    private static Map<String, Object> since(Matrix.Session session, Object token) {
        return Syncs.sync(session, "timeout=0&since=" + token);
    }

    private static Matrix.Session loginAs(Matrix.Session user, String deviceId) {
        return Matrix.Session.from(json().body(Map.of("type", "m.login.password", "identifier",
                        Map.of("type", "m.id.user", "user", user.userId()), "password", PASSWORD, "device_id", deviceId))
                .post(V3 + "/login").then().statusCode(200));
    }

    @Test
    void a_message_reaches_the_named_device_with_sender_type_and_content_exactly_as_sent() {
        Matrix.Session alice = Matrix.registerFresh("tda");
        Matrix.Session bob = Matrix.registerFresh("tdb");
        Matrix.Session bobsPhone = Matrix.login(bob.userId(), PASSWORD);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("algorithm", "m.olm.v1.curve25519-aes-sha2");
        content.put("ciphertext", Map.of("key", Map.of("type", 0, "body", "Awog…")));
        content.put("ratio", 0.5);
        content.put("list", List.of(1, "zwei", true));
        content.put("nothing", null);
        content.put("text", "héllo 🌍");

        send(alice, "m.room.encrypted", nextTxn(), Map.of(bob.userId(), Map.of(bob.deviceId(), content)));

        List<Map<String, Object>> events = toDevice(Syncs.initial(bob));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).containsOnlyKeys("sender", "type", "content")
                .containsEntry("sender", alice.userId()).containsEntry("type", "m.room.encrypted")
                .containsEntry("content", content);
        assertThat(toDevice(Syncs.initial(bobsPhone))).isEmpty();
    }

    @Test
    void a_star_reaches_every_device_the_user_has_when_it_is_sent() {
        Matrix.Session alice = Matrix.registerFresh("tds");
        Matrix.Session alicesLaptop = Matrix.login(alice.userId(), PASSWORD);
        Matrix.Session bob = Matrix.registerFresh("tds");
        Matrix.Session bobsPhone = Matrix.login(bob.userId(), PASSWORD);

        as(alice).body(Map.of("messages", Map.of(bob.userId(), Map.of("*", Map.of("n", 1)),
                        alice.userId(), Map.of("*", Map.of("n", 2)))))
                .put(R0 + "/sendToDevice/org.example.all/" + nextTxn()).then().statusCode(200);
        Matrix.Session bobsLaterTablet = Matrix.login(bob.userId(), PASSWORD);

        assertThat(contents(Syncs.initial(bob), "n")).containsExactly(1);
        assertThat(contents(Syncs.initial(bobsPhone), "n")).containsExactly(1);
        assertThat(toDevice(Syncs.initial(bobsLaterTablet))).isEmpty();
        // The sender's own devices get it too, the sending one included.
        assertThat(contents(Syncs.initial(alice), "n")).containsExactly(2);
        assertThat(contents(Syncs.initial(alicesLaptop), "n")).containsExactly(2);
    }

    @Test
    void a_retried_transaction_delivers_nothing_twice() {
        Matrix.Session alice = Matrix.registerFresh("tdr");
        Matrix.Session alicesLaptop = Matrix.login(alice.userId(), PASSWORD);
        Matrix.Session bob = Matrix.registerFresh("tdr");
        Map<String, Object> messages = Map.of(bob.userId(), Map.of(bob.deviceId(), Map.of("n", 1)));

        send(alice, "org.example.once", "same-txn", messages);
        send(alice, "org.example.once", "same-txn", messages);
        as(alice).body(Map.of("messages", messages)).put(R0 + "/sendToDevice/org.example.once/same-txn")
                .then().statusCode(200).body("$", equalTo(Map.of()));
        // Transaction ids belong to a device: the same id from another device is another request.
        send(alicesLaptop, "org.example.once", "same-txn", Map.of(bob.userId(), Map.of(bob.deviceId(), Map.of("n", 2))));

        assertThat(contents(Syncs.initial(bob), "n")).containsExactly(1, 2);
    }

    @Test
    void a_token_acknowledges_what_came_before_it_and_a_retried_sync_gets_the_same_messages() {
        Matrix.Session alice = Matrix.registerFresh("tdk");
        Matrix.Session bob = Matrix.registerFresh("tdk");
        sendTo(alice, bob, Map.of("n", 1));

        // Pending messages come with every initial sync until a token acknowledges them.
        Map<String, Object> initial = Syncs.initial(bob);
        assertThat(contents(initial, "n")).containsExactly(1);
        assertThat(contents(Syncs.initial(bob), "n")).containsExactly(1);

        Map<String, Object> first = since(bob, initial.get("next_batch"));
        assertThat(toDevice(first)).isEmpty();
        sendTo(alice, bob, Map.of("n", 2));
        sendTo(alice, bob, Map.of("n", 3));

        Map<String, Object> second = since(bob, first.get("next_batch"));
        assertThat(contents(second, "n")).containsExactly(2, 3);
        Map<String, Object> retried = since(bob, first.get("next_batch"));
        assertThat(contents(retried, "n")).containsExactly(2, 3);
        assertThat(retried.get("next_batch")).isEqualTo(second.get("next_batch"));

        assertThat(toDevice(since(bob, second.get("next_batch")))).isEmpty();
        // Acknowledged means deleted: neither the older token nor an initial sync brings them back.
        assertThat(toDevice(since(bob, first.get("next_batch")))).isEmpty();
        assertThat(toDevice(Syncs.initial(bob))).isEmpty();
    }

    @Test
    void a_sync_delivers_at_most_100_and_the_next_one_continues_in_order() {
        Matrix.Session alice = Matrix.registerFresh("tdl");
        Matrix.Session bob = Matrix.registerFresh("tdl");
        Map<String, Object> start = Syncs.initial(bob);
        for (int i = 0; i < 150; i++) {
            sendTo(alice, bob, Map.of("i", i));
        }

        Map<String, Object> first = Syncs.sync(bob, "timeout=30000&since=" + start.get("next_batch"));
        assertThat(contents(first, "i")).containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
        Map<String, Object> second = Syncs.sync(bob, "timeout=30000&since=" + first.get("next_batch"));
        assertThat(contents(second, "i")).containsExactlyElementsOf(IntStream.range(100, 150).boxed().toList());
        assertThat(toDevice(since(bob, second.get("next_batch")))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void concurrent_senders_and_retries_reach_a_syncing_device_exactly_once_and_in_order() throws Exception {
        Matrix.Session bob = Matrix.registerFresh("tdc");
        List<Matrix.Session> senders = IntStream.range(0, 3).mapToObj(i -> Matrix.registerFresh("tdc")).toList();
        Object token = Syncs.initial(bob).get("next_batch");
        ExecutorService pool = Executors.newFixedThreadPool(senders.size() * 2);
        List<Future<?>> sending = new ArrayList<>();
        try {
            for (Matrix.Session sender : senders) {
                for (int copy = 0; copy < 2; copy++) { // every request twice at once: a retry racing the original
                    sending.add(pool.submit(() -> {
                        for (int n = 0; n < 10; n++) {
                            send(sender, "org.example.race", "race" + n, Map.of(bob.userId(),
                                    Map.of(bob.deviceId(), Map.of("from", sender.userId(), "n", n))));
                        }
                    }));
                }
            }
            List<String> received = new ArrayList<>();
            while (!sending.stream().allMatch(Future::isDone)) {
                Map<String, Object> sync = Syncs.sync(bob, "timeout=2000&since=" + token);
                toDevice(sync).forEach(e -> received.add(((Map<String, Object>) e.get("content")).get("from") + "#"
                        + ((Map<String, Object>) e.get("content")).get("n")));
                token = sync.get("next_batch");
            }
            for (Future<?> f : sending) {
                f.get(60, TimeUnit.SECONDS);
            }
            toDevice(since(bob, token)).forEach(e -> received.add(((Map<String, Object>) e.get("content")).get("from")
                    + "#" + ((Map<String, Object>) e.get("content")).get("n")));

            assertThat(received).hasSize(30).doesNotHaveDuplicates();
            for (Matrix.Session sender : senders) {
                assertThat(received.stream().filter(r -> r.startsWith(sender.userId() + "#")).toList())
                        .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(n -> sender.userId() + "#" + n)
                                .toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_message_wakes_the_recipients_waiting_sync() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("tdw");
        Matrix.Session bob = Matrix.registerFresh("tdw");
        Map<String, Object> start = Syncs.initial(bob);

        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(() ->
                Syncs.sync(bob, "timeout=20000&since=" + start.get("next_batch")));
        sendTo(alice, bob, Map.of("wake", "up"));

        Map<String, Object> woken = waiting.get(30, TimeUnit.SECONDS);
        assertThat(contents(woken, "wake")).containsExactly("up");
    }

    @Test
    void a_deleted_devices_inbox_goes_with_it() {
        Matrix.Session alice = Matrix.registerFresh("tdd");
        Matrix.Session bob = Matrix.registerFresh("tdd");
        Matrix.Session tablet = loginAs(bob, "TABLET");
        sendTo(alice, tablet, Map.of("n", 1));

        as(bob).body(Map.of("auth", passwordAuth(bob, PASSWORD, null))).delete(V3 + "/devices/TABLET")
                .then().statusCode(200);
        // The same device id, logged in again, is a new device with an empty inbox.
        Matrix.Session again = loginAs(bob, "TABLET");
        assertThat(toDevice(Syncs.initial(again))).isEmpty();
        sendTo(alice, again, Map.of("n", 2));
        assertThat(contents(Syncs.initial(again), "n")).containsExactly(2);

        Matrix.Session phone = loginAs(bob, "PHONE");
        sendTo(alice, phone, Map.of("n", 3));
        as(phone).post(V3 + "/logout").then().statusCode(200);
        assertThat(toDevice(Syncs.initial(loginAs(bob, "PHONE")))).isEmpty();
    }

    @Test
    void unknown_users_and_devices_and_remote_users_are_ignored() {
        Matrix.Session alice = Matrix.registerFresh("tdu");
        Matrix.Session bob = Matrix.registerFresh("tdu");
        String server = alice.userId().substring(alice.userId().indexOf(':') + 1);
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("@nobody-" + Matrix.freshName("x") + ":" + server, Map.of("*", Map.of("n", 0)));
        messages.put("@someone:remote.example", Map.of("DEVICE", Map.of("n", 0)));
        messages.put("not a user id", Map.of("DEVICE", Map.of("n", 0)));
        messages.put(bob.userId(), Map.of("NOSUCHDEVICE", Map.of("n", 0), bob.deviceId(), Map.of("n", 1)));

        send(alice, "org.example.mixed", nextTxn(), messages);

        assertThat(contents(Syncs.initial(bob), "n")).containsExactly(1);
    }

    @Test
    void refusals() {
        Matrix.Session alice = Matrix.registerFresh("tdf");
        Matrix.Session bob = Matrix.registerFresh("tdf");
        Map<String, Object> good = Map.of("messages", Map.of(bob.userId(), Map.of(bob.deviceId(), Map.of("n", 1))));
        String path = V3 + "/sendToDevice/org.example.test/refused";

        json().body(good).put(path).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        json().header("Authorization", "Bearer nonsense").body(good).put(path).then().statusCode(401)
                .body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        as(alice).body("{not json").put(path).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body("[]").put(path).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of()).put(path).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        for (Object badMessages : List.of(List.of(), "text", Map.of(bob.userId(), List.of()),
                Map.of(bob.userId(), Map.of(bob.deviceId(), "text")),
                Map.of(bob.userId(), Map.of(bob.deviceId(), List.of(1))))) {
            as(alice).body(Map.of("messages", badMessages)).put(path).then().statusCode(400)
                    .body("errcode", equalTo("M_BAD_JSON"));
        }
        as(alice).body(Map.of("messages", Map.of(bob.userId(), Map.of(bob.deviceId(), Map.of("big", "x".repeat(70_000))))))
                .put(path).then().statusCode(413).body("errcode", equalTo("M_TOO_LARGE"));
        as(alice).body(good).put(V3 + "/sendToDevice/org.example.test/" + "t".repeat(256)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        RestAssured.given().header("Authorization", "Bearer " + alice.accessToken()).body("")
                .put(path).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));

        // Nothing refused was delivered, and a refused request did not use up its transaction id.
        assertThat(toDevice(Syncs.initial(bob))).isEmpty();
        as(alice).body(good).put(path).then().statusCode(200);
        assertThat(contents(Syncs.initial(bob), "n")).containsExactly(1);
    }

    @Test
    void the_seeds_post_form_names_the_type_in_the_body_and_shares_the_transaction_ids() {
        Matrix.Session alice = Matrix.registerFresh("tds");
        Matrix.Session bob = Matrix.registerFresh("tdt");
        Map<String, Object> messages = Map.of(bob.userId(), Map.of(bob.deviceId(), Map.of("n", 1)));
        String txn = nextTxn();

        as(alice).body(Map.of("type", "org.example.seed", "messages", messages))
                .post(R0 + "/sendToDevice/" + txn).then().statusCode(200).body("size()", equalTo(0));
        as(alice).body(Map.of("type", "org.example.seed", "messages", messages))
                .post(V3 + "/sendToDevice/" + txn).then().statusCode(200);
        as(alice).body(Map.of("messages", messages)).put(V3 + "/sendToDevice/org.example.other/" + txn)
                .then().statusCode(200);

        List<Map<String, Object>> events = toDevice(Syncs.initial(bob));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).containsEntry("sender", alice.userId())
                .containsEntry("type", "org.example.seed").containsEntry("content", Map.of("n", 1));

        String path = R0 + "/sendToDevice/" + nextTxn();
        json().body(Map.of("type", "org.example.seed", "messages", messages)).post(path).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        as(alice).body(Map.of("messages", messages)).post(path).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("type", 7, "messages", messages)).post(path).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("type", "org.example.seed")).post(path).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("type", "org.example.seed", "messages", List.of())).post(path).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        assertThat(toDevice(Syncs.initial(bob))).hasSize(1);
    }
}
