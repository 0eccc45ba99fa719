package io.zhihang.server.launch;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client that leaves a long-polling {@code /sync} waiting does not hold the server's stop: on SIGTERM the waiting
 * request is answered and the process ends within seconds, not after the sync's timeout. (The start before it is
 * checked to log no warning.)
 */
class LongPollShutdownIT {
    private static final Duration STOP_BOUND = Duration.ofSeconds(8);

    private Process server;

    @AfterEach
    void kill() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_waiting_sync_does_not_hold_the_shutdown() throws Exception {
        Path dir = Files.createTempDirectory("zhihang-stop");
        Path log = dir.resolve("server.log");
        int port = PackagedJar.freePort();
        server = PackagedJar.start(PackagedJar.CURRENT_JAVA, log, Map.of(
                "ZHIHANG_DATA_DIR", dir.resolve("data").toString(),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", Integer.toString(port)));
        PackagedJar.awaitUp(server, port, log, Duration.ofSeconds(120));
        assertThat(Files.readAllLines(log)).as("a first start on H2 warns about nothing")
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("WARNING"));

        String token = RestAssured.given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON)
                .body(Map.of("username", "stopper", "password", "stop-password",
                        "auth", Map.of("type", "m.login.dummy")))
                .post("/_matrix/client/v3/register").then().statusCode(200).extract().path("access_token");
        String since = RestAssured.given().baseUri("http://127.0.0.1").port(port)
                .header("Authorization", "Bearer " + token)
                .get("/_matrix/client/v3/sync").then().statusCode(200).extract().path("next_batch");

        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/_matrix/client/v3/sync?timeout=60000&since=" + since))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        // Nothing happens for this user, so the server keeps the request waiting.
        assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

        long start = System.nanoTime();
        server.destroy();
        boolean ended = server.waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("LongPollShutdownIT: the server stopped %s after SIGTERM with a /sync waiting%n", took);

        assertThat(ended).as("stopped within %s (log: %s)", STOP_BOUND, log).isTrue();
        assertThat(Files.readString(log)).doesNotContain("Timed out waiting for graceful shutdown");
    }
}
