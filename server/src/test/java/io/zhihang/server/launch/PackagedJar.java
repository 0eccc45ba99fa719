package io.zhihang.server.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts {@code target/quarkus-app/quarkus-run.jar} as an operator would, with the environment given. */
public final class PackagedJar {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    public static final String CURRENT_JAVA = ProcessHandle.current().info().command().orElse("java");

    private PackagedJar() {
    }

    /** What a process that ended printed, and how it ended. */
    record Ended(int exitCode, String output) {
        /** The non-blank lines printed. */
        java.util.List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Starts the jar; its stdout and stderr go to {@code log}. */
    public static Process start(String java, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("ZHIHANG_") || k.startsWith("QUARKUS_"));
        builder.environment().put("ZHIHANG_PASSWORD_HASHING_MEMORY_KIB", "1024");
        builder.environment().put("ZHIHANG_PASSWORD_HASHING_ITERATIONS", "1");
        builder.environment().put("ZHIHANG_RATE_LIMITS_ENABLED", "false");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs the jar expecting it to end by itself within {@code timeout}. */
    static Ended runToEnd(String java, Path log, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Process process = start(java, log, env);
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the server should have stopped by itself; it printed:%n%s", output).isTrue();
        return new Ended(process.exitValue(), output);
    }

    /** Waits until the server answers {@code /_matrix/client/versions}. */
    public static void awaitUp(Process process, int port, Path log, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            assertThat(process.isAlive()).as("server process (log: %s)", log).isTrue();
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/_matrix/client/versions"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(Instant.now()).as("server start (log: %s)", log).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    public static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
