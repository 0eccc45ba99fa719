package io.zhihang.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhihang.server.launch.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code 200} means the write survives a crash: the packaged server is killed with {@code kill -9} while clients
 * send messages into one room, register accounts, upload media and send to-device messages, then started again on
 * the same data (embedded H2 in a fresh data directory, or PostgreSQL under the {@code pg} Maven profile). Every
 * acknowledged write must be there after the restart, once: acknowledged events are found by id, a retried txn id
 * answers the acknowledged event id (never a new event), registered users log in, uploads download byte for byte and
 * every acknowledged to-device message is delivered exactly once. The figures are printed for the closing note.
 */
class AcknowledgedWritesSurviveKillIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** How long the writers run at most before the kill (on a quiet machine they reach {@link #SENDS_BEFORE_KILL} first). */
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(15);
    /** The fewest acknowledged sends that make the run count. */
    private static final int SENDS_AT_LEAST = 50;
    private static final int SENDERS = 10;
    private static final int SENDS_BEFORE_KILL = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Path data;
    private int port;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : servers) {
            PackagedJar.stop(p);
        }
    }

    @Test
    void every_acknowledged_write_survives_kill_9() throws Exception {
        long t0 = System.nanoTime();
        data = Files.createTempDirectory("zhihang-kill9");
        port = PackagedJar.freePort();
        Process first = start();

        Account alice = register("kill-a-" + run);
        Account bob = register("kill-b-" + run);
        String roomId = post(alice.token, "/_matrix/client/v3/createRoom", Map.of("preset", "public_chat"))
                .path("room_id").asText();
        post(bob.token, "/_matrix/client/v3/rooms/" + roomId + "/join", Map.of());

        Map<String, String> sent = new ConcurrentHashMap<>();           // txn id -> acknowledged event id
        Map<String, String> senderOf = new ConcurrentHashMap<>();       // txn id -> the token that sent it
        Map<String, String> registered = new ConcurrentHashMap<>();     // user name -> password
        Map<String, String> uploaded = new ConcurrentHashMap<>();       // mxc uri -> sha-256 of the bytes
        Map<Integer, Boolean> toDevice = new ConcurrentHashMap<>();     // message number -> acknowledged
        List<Account> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(i % 2 == 0 ? alice : login(alice.user, alice.password));
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledgedSends = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 3);
        for (int i = 0; i < SENDERS; i++) {
            Account as = senders.get(i);
            int writer = i;
            pool.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String txn = run + "-" + writer + "-" + n;
                    JsonNode body = tryPut(as.token, "/_matrix/client/v3/rooms/" + roomId + "/send/m.room.message/" + txn,
                            Map.of("msgtype", "m.text", "body", txn));
                    if (body != null) {
                        sent.put(txn, body.path("event_id").asText());
                        senderOf.put(txn, as.token);
                        if (acknowledgedSends.incrementAndGet() >= SENDS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    }
                }
            });
        }
        pool.submit(() -> {
            for (int n = 0; !stop.get(); n++) {
                String name = "kill-r-" + run + "-" + n;
                JsonNode body = tryPost(null, "/_matrix/client/v3/register", Map.of("username", name,
                        "password", "pw-" + name, "auth", Map.of("type", "m.login.dummy")));
                if (body != null) {
                    registered.put(name, "pw-" + name);
                }
            }
        });
        pool.submit(() -> {
            Random random = new Random(42);
            for (int n = 0; !stop.get(); n++) {
                byte[] bytes = new byte[4096 + random.nextInt(60_000)];
                random.nextBytes(bytes);
                JsonNode body = tryUpload(alice.token, bytes);
                if (body != null) {
                    uploaded.put(body.path("content_uri").asText(), sha256(bytes));
                }
            }
        });
        pool.submit(() -> {
            for (int n = 0; !stop.get(); n++) {
                JsonNode body = tryPut(alice.token, "/_matrix/client/v3/sendToDevice/org.zhihang.kill/" + run + "-" + n,
                        Map.of("messages", Map.of(bob.user, Map.of(bob.device, Map.of("n", n)))));
                if (body != null) {
                    toDevice.put(n, true);
                }
            }
        });

        phase("started and set up", t0);
        enough.await(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        first.destroyForcibly();                                        // SIGKILL: no shutdown hook runs
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("the killed server is gone").isTrue();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("writers ended").isTrue();
        assertThat(acknowledgedSends.get()).as("sends acknowledged before the kill").isGreaterThanOrEqualTo(SENDS_AT_LEAST);
        // Nothing acknowledged after the kill can count: the maps are frozen from here on.
        Map<String, String> ackedSends = Map.copyOf(sent);
        Map<String, String> ackedRegistrations = Map.copyOf(registered);
        Map<String, String> ackedUploads = Map.copyOf(uploaded);
        List<Integer> ackedToDevice = List.copyOf(toDevice.keySet());

        phase("load and kill", t0);
        start();
        phase("restarted", t0);

        int lostSends = 0;
        int retriedAsNew = 0;
        for (Map.Entry<String, String> e : ackedSends.entrySet()) {
            String eventPath = "/_matrix/client/v3/rooms/" + roomId + "/event/" + encode(e.getValue());
            if (get(bob.token, eventPath).statusCode() != 200) {
                lostSends++;
            }
            JsonNode again = tryPut(senderOf.get(e.getKey()),
                    "/_matrix/client/v3/rooms/" + roomId + "/send/m.room.message/" + e.getKey(),
                    Map.of("msgtype", "m.text", "body", e.getKey()));
            if (again == null || !e.getValue().equals(again.path("event_id").asText())) {
                retriedAsNew++;
            }
        }
        Map<String, Integer> bodies = timelineBodies(bob.token, roomId);
        long duplicatedSends = bodies.values().stream().filter(count -> count > 1).count();

        int lostAccounts = 0;
        for (Map.Entry<String, String> e : ackedRegistrations.entrySet()) {
            HttpResponse<String> r = send(request("/_matrix/client/v3/login", null).POST(body(Map.of(
                    "type", "m.login.password", "identifier", Map.of("type", "m.id.user", "user", e.getKey()),
                    "password", e.getValue()))));
            if (r.statusCode() != 200) {
                lostAccounts++;
            }
        }

        int lostUploads = 0;
        for (Map.Entry<String, String> e : ackedUploads.entrySet()) {
            String mxc = e.getKey().substring("mxc://".length());
            HttpResponse<byte[]> r = http.send(request("/_matrix/client/v1/media/download/" + mxc, bob.token).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || !sha256(r.body()).equals(e.getValue())) {
                lostUploads++;
            }
        }

        Map<Integer, Integer> delivered = toDeviceDelivered(bob.token);
        long lostToDevice = ackedToDevice.stream().filter(n -> !delivered.containsKey(n)).count();
        long duplicatedToDevice = delivered.values().stream().filter(count -> count > 1).count();

        phase("checked", t0);
        String database = System.getProperty("quarkus.test.integration-test-profile", "").contains("pg")
                ? "PostgreSQL" : "H2";
        System.out.printf("kill -9 on %s: sends acknowledged %d, lost %d, duplicated %d, retried as new %d; "
                        + "registrations acknowledged %d, lost %d; uploads acknowledged %d, lost %d; "
                        + "to-device acknowledged %d, lost %d, duplicated %d%n",
                database, ackedSends.size(), lostSends, duplicatedSends, retriedAsNew,
                ackedRegistrations.size(), lostAccounts, ackedUploads.size(), lostUploads,
                ackedToDevice.size(), lostToDevice, duplicatedToDevice);

        assertThat(lostSends).as("acknowledged messages lost").isZero();
        assertThat(retriedAsNew).as("acknowledged txn ids that made a new event when retried").isZero();
        assertThat(duplicatedSends).as("messages stored twice").isZero();
        assertThat(lostAccounts).as("acknowledged registrations lost").isZero();
        assertThat(lostUploads).as("acknowledged uploads lost").isZero();
        assertThat(lostToDevice).as("acknowledged to-device messages lost").isZero();
        assertThat(duplicatedToDevice).as("to-device messages delivered twice").isZero();
        assertThat(ackedRegistrations).as("registrations in flight").isNotEmpty();
        assertThat(ackedUploads).as("uploads in flight").isNotEmpty();
        assertThat(ackedToDevice).as("to-device messages in flight").isNotEmpty();
    }

    private static void phase(String name, long t0) {
        System.out.printf("kill -9 test: %s after %d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
    }

    /** How often each message body appears in the room's whole timeline. */
    private Map<String, Integer> timelineBodies(String token, String roomId) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        String from = null;
        for (int page = 0; page < 1000; page++) {
            String path = "/_matrix/client/v3/rooms/" + roomId + "/messages?dir=b&limit=500"
                    + (from == null ? "" : "&from=" + encode(from));
            JsonNode r = JSON.readTree(get(token, path).body());
            for (JsonNode event : r.path("chunk")) {
                if ("m.room.message".equals(event.path("type").asText())) {
                    counts.merge(event.path("content").path("body").asText(), 1, Integer::sum);
                }
            }
            if (!r.hasNonNull("end") || r.path("chunk").isEmpty()) {
                return counts;
            }
            from = r.path("end").asText();
        }
        throw new AssertionError("the timeline did not end");
    }

    /** Every {@code org.zhihang.kill} to-device message in the device's inbox, by number, with its count. */
    private Map<Integer, Integer> toDeviceDelivered(String token) throws Exception {
        Map<Integer, Integer> counts = new HashMap<>();
        String since = null;
        for (int round = 0; round < 10_000; round++) {
            String path = "/_matrix/client/v3/sync?timeout=0" + (since == null ? "" : "&since=" + encode(since));
            JsonNode r = JSON.readTree(get(token, path).body());
            JsonNode events = r.path("to_device").path("events");
            for (JsonNode event : events) {
                if ("org.zhihang.kill".equals(event.path("type").asText())) {
                    counts.merge(event.path("content").path("n").asInt(), 1, Integer::sum);
                }
            }
            if (since != null && events.isEmpty()) {
                return counts;
            }
            since = r.path("next_batch").asText();
        }
        throw new AssertionError("the to-device inbox did not drain");
    }

    private record Account(String user, String password, String token, String device) {
    }

    private Account register(String name) throws Exception {
        JsonNode r = post(null, "/_matrix/client/v3/register", Map.of("username", name, "password", "pw-" + name,
                "auth", Map.of("type", "m.login.dummy")));
        return new Account(r.path("user_id").asText(), "pw-" + name, r.path("access_token").asText(),
                r.path("device_id").asText());
    }

    private Account login(String user, String password) throws Exception {
        JsonNode r = post(null, "/_matrix/client/v3/login", Map.of("type", "m.login.password",
                "identifier", Map.of("type", "m.id.user", "user", user), "password", password));
        return new Account(user, password, r.path("access_token").asText(), r.path("device_id").asText());
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        HttpResponse<String> r = send(request(path, token).POST(body(body)));
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The body of a 200, or null for anything else (the server may die at any moment). */
    private JsonNode tryPost(String token, String path, Object body) {
        return tryRequest(request(path, token).POST(body(body)));
    }

    private JsonNode tryPut(String token, String path, Object body) {
        return tryRequest(request(path, token).PUT(body(body)));
    }

    private JsonNode tryUpload(String token, byte[] bytes) {
        return tryRequest(request("/_matrix/media/v3/upload?filename=kill.bin", token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private JsonNode tryRequest(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = send(builder);
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException | InterruptedException | RuntimeException died) {
            return null;
        }
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return send(request(path, token).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Process start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("ZHIHANG_DATA_DIR", data.toString());
        if (System.getProperty("quarkus.test.integration-test-profile", "").contains("pg")) {
            env.put("ZHIHANG_DATABASE_KIND", "postgresql");
            env.put("ZHIHANG_DATABASE_URL", System.getProperty("zhihang.restart-it.database-url",
                    "jdbc:postgresql://localhost:5432/zhihang"));
        }
        Path log = data.resolve("server.log");
        Process process = PackagedJar.start(PackagedJar.CURRENT_JAVA, log, env);
        servers.add(process);
        PackagedJar.awaitUp(process, port, log, START_TIMEOUT);
        return process;
    }
}
