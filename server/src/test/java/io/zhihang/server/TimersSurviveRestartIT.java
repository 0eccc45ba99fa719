package io.zhihang.server;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timers live in the database: a message set to destroy itself, and a message scheduled to be sent, while the
 * packaged server runs are destroyed and sent by the next server process after a restart. The jar is started twice
 * as an operator would (on H2 in a fresh data directory, or on PostgreSQL under the {@code pg} Maven profile).
 */
class TimersSurviveRestartIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final List<Process> servers = new ArrayList<>();
    private int port;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : servers) {
            stop(p);
        }
    }

    @Test
    void self_destruct_and_scheduled_messages_fire_after_a_restart() throws Exception {
        Path data = Files.createTempDirectory("zhihang-restart");
        port = freePort();
        Process first = start(data, port);

        String alice = register("restart-a-" + UUID.randomUUID().toString().substring(0, 8));
        String bob = register("restart-b-" + UUID.randomUUID().toString().substring(0, 8));
        String roomId = as(alice).body(Map.of("preset", "public_chat")).post("/_matrix/client/v3/createRoom")
                .then().statusCode(200).extract().path("room_id");
        as(bob).body(Map.of()).post("/_matrix/client/v3/rooms/" + roomId + "/join").then().statusCode(200);
        var sent = as(alice).body(Map.of("content", "gone after the restart", "chat_id", roomId))
                .post("/api/messages/send").then().statusCode(200).extract();
        long messageId = sent.jsonPath().getLong("data.id");
        String eventId = sent.path("data.event_id");
        as(alice).body(Map.of("message_id", messageId, "destruct_time", 1)).post("/api/encryption/self-destruct")
                .then().statusCode(200);

        String scheduledText = "sent by the next server " + UUID.randomUUID();
        as(alice).body(Map.of("content", scheduledText, "target_chat_id", roomId,
                        "scheduled_time", Instant.now().plusSeconds(2).toString()))
                .post("/api/messages/schedule").then().statusCode(200);

        stop(first);
        Process second = start(data, port);
        assertThat(second.isAlive()).isTrue();

        awaitTrue(() -> {
            Map<String, Object> content = as(bob).get("/_matrix/client/v3/rooms/" + roomId + "/event/" + eventId)
                    .then().statusCode(200).extract().path("content");
            return content.isEmpty();
        });
        as(bob).get("/api/encryption/" + messageId + "/info").then().statusCode(200)
                .body("data.is_destroyed", org.hamcrest.Matchers.equalTo(true));
        awaitTrue(() -> {
            List<String> bodies = as(bob).get("/_matrix/client/v3/rooms/" + roomId + "/messages?dir=b&limit=20")
                    .then().statusCode(200).extract().path("chunk.content.body");
            return bodies.contains(scheduledText);
        });
        List<String> once = as(bob).get("/_matrix/client/v3/rooms/" + roomId + "/messages?dir=b&limit=50")
                .then().statusCode(200).extract().path("chunk.content.body");
        assertThat(once.stream().filter(scheduledText::equals)).hasSize(1);
    }

    private RequestSpecification given() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON);
    }

    private RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private String register(String name) {
        return given()
                .body(Map.of("username", name, "password", "restart-password", "auth", Map.of("type", "m.login.dummy")))
                .post("/_matrix/client/v3/register").then().statusCode(200).extract().path("access_token");
    }

    /** Polls until the condition holds, for at most {@link #EFFECT_TIMEOUT}. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(EFFECT_TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s for the timer", EFFECT_TIMEOUT).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private Process start(Path data, int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("ZHIHANG_DATA_DIR", data.toString());
        env.put("ZHIHANG_RATE_LIMITS_ENABLED", "false");
        env.put("ZHIHANG_PASSWORD_HASHING_MEMORY_KIB", "1024");
        env.put("ZHIHANG_PASSWORD_HASHING_ITERATIONS", "1");
        env.put("ZHIHANG_MESSAGES_ENCRYPTION_MEMORY_KIB", "1024");
        env.put("ZHIHANG_MESSAGES_ENCRYPTION_ITERATIONS", "1");
        if (System.getProperty("quarkus.test.integration-test-profile", "").contains("pg")) {
            env.put("ZHIHANG_DATABASE_KIND", "postgresql");
            env.put("ZHIHANG_DATABASE_URL", System.getProperty("zhihang.restart-it.database-url",
                    "jdbc:postgresql://localhost:5432/zhihang"));
        }
        Process process = builder.start();
        servers.add(process);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            assertThat(process.isAlive()).as("server process (log: %s)", data.resolve("server.log")).isTrue();
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/_matrix/client/versions"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(Instant.now()).as("server start").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
