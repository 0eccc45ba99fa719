package io.zhihang.server.launch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar refuses to start, with one line per problem and nothing made on disk, on a Java older than 21,
 * on wrong settings, on a data directory it cannot write or that another server holds, and on a port in use.
 */
class StartupChecksIT {
    private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    private static final Duration REFUSAL = Duration.ofSeconds(60);

    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : servers) {
            PackagedJar.stop(p);
        }
    }

    @Test
    void an_older_java_is_named_in_one_line() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 at " + JAVA_17);
        Path dir = Files.createTempDirectory("zhihang-java17");
        Path data = dir.resolve("data");

        PackagedJar.Ended ended = PackagedJar.runToEnd(JAVA_17.toString(), dir.resolve("server.log"),
                Map.of("ZHIHANG_DATA_DIR", data.toString()), REFUSAL);

        assertThat(ended.exitCode()).isEqualTo(1);
        assertThat(ended.lines()).containsExactly("Zhihang needs Java 21 or newer, found 17 (" + JAVA_17 + ")");
        assertThat(data).doesNotExist();
    }

    @Test
    void wrong_settings_are_one_line_each_naming_the_setting_and_nothing_is_created() throws Exception {
        Path dir = Files.createTempDirectory("zhihang-settings");
        Path data = dir.resolve("data");

        PackagedJar.Ended ended = PackagedJar.runToEnd(PackagedJar.CURRENT_JAVA, dir.resolve("server.log"), Map.of(
                "ZHIHANG_DATA_DIR", data.toString(),
                "QUARKUS_HTTP_PORT", Integer.toString(PackagedJar.freePort()),
                "ZHIHANG_REGISTRATION_PASSWORD_MIN_LENGTH", "600",
                "ZHIHANG_DATABASE_KIND", "mysql",
                "ZHIHANG_SERVER_NAME", "https://example.org"), REFUSAL);

        assertThat(ended.exitCode()).isNotZero();
        assertThat(ended.lines()).containsExactlyInAnyOrder(
                "zhihang: zhihang.registration.password-min-length must be between 0 and 512, was 600",
                "zhihang: zhihang.database.kind must be h2 or postgresql, was 'mysql'",
                "zhihang: zhihang.server-name must be a host name or IP literal with an optional :port "
                        + "(no scheme, no path), was 'https://example.org'");
        assertThat(data).doesNotExist();
    }

    @Test
    void a_data_directory_that_cannot_be_made_is_one_line() throws Exception {
        Path dir = Files.createTempDirectory("zhihang-unwritable");
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path data = file.resolve("data");

        PackagedJar.Ended ended = PackagedJar.runToEnd(PackagedJar.CURRENT_JAVA, dir.resolve("server.log"), Map.of(
                "ZHIHANG_DATA_DIR", data.toString(),
                "QUARKUS_HTTP_PORT", Integer.toString(PackagedJar.freePort())), REFUSAL);

        assertThat(ended.exitCode()).isNotZero();
        assertThat(ended.lines()).containsExactly("zhihang: zhihang.data-dir " + data + " cannot be created: "
                + file + " is a file, not a directory");
    }

    @Test
    void a_port_in_use_is_one_line_and_nothing_is_created() throws Exception {
        Path dir = Files.createTempDirectory("zhihang-port");
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            PackagedJar.Ended ended = PackagedJar.runToEnd(PackagedJar.CURRENT_JAVA, dir.resolve("server.log"), Map.of(
                    "ZHIHANG_DATA_DIR", data.toString(),
                    "QUARKUS_HTTP_HOST", "127.0.0.1",
                    "QUARKUS_HTTP_PORT", Integer.toString(port)), REFUSAL);

            assertThat(ended.exitCode()).isNotZero();
            assertThat(ended.lines()).containsExactly("zhihang: port " + port + " on 127.0.0.1 is already in use "
                    + "(quarkus.http.port, QUARKUS_HTTP_PORT): is another server running?");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void a_second_server_on_the_same_data_directory_says_so() throws Exception {
        Path dir = Files.createTempDirectory("zhihang-twice");
        Path data = dir.resolve("data");
        int port = PackagedJar.freePort();
        Path firstLog = dir.resolve("first.log");
        Process first = PackagedJar.start(PackagedJar.CURRENT_JAVA, firstLog, Map.of(
                "ZHIHANG_DATA_DIR", data.toString(),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", Integer.toString(port)));
        servers.add(first);
        PackagedJar.awaitUp(first, port, firstLog, Duration.ofSeconds(120));

        PackagedJar.Ended second = PackagedJar.runToEnd(PackagedJar.CURRENT_JAVA, dir.resolve("second.log"), Map.of(
                "ZHIHANG_DATA_DIR", data.toString(),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", Integer.toString(PackagedJar.freePort())), REFUSAL);

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.lines()).containsExactly("zhihang: the data directory " + data + " is in use by another "
                + "Zhihang process (H2 holds " + data.resolve("zhihang.mv.db") + "); stop it, or set zhihang.data-dir "
                + "(ZHIHANG_DATA_DIR) to another directory");
        assertThat(second.output()).doesNotContain("server mode");
        assertThat(first.isAlive()).isTrue();
    }
}
