package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A user's devices write to the backup at the same time, as they do when a new session reaches all of them: no
 * version number is handed out twice, no upload of the same sessions fails, and the best key of each session wins.
 */
@QuarkusTest
class ConcurrentKeyBackupApiTest {
    private static final int DEVICES = 4;
    private static final int SESSIONS = 30;

    @Test
    void concurrent_version_creations_each_get_their_own_number() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("ckv");
        List<String> versions = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> work = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            work.add(() -> {
                versions.add(as(alice).body(Map.of("algorithm", "m.megolm_backup.v1.curve25519-aes-sha2",
                        "auth_data", Map.of("public_key", "pk"))).post(V3 + "/room_keys/version")
                        .then().statusCode(200).extract().path("version"));
                return null;
            });
        }
        runAll(work);

        assertThat(versions).containsExactlyInAnyOrder("1", "2", "3", "4");
        as(alice).get(V3 + "/room_keys/version").then().statusCode(200).body("version", equalTo("4"));
    }

    @Test
    void concurrent_uploads_of_the_same_sessions_keep_the_best_key_of_each() throws Exception {
        Matrix.Session alice = Matrix.registerFresh("cku");
        String version = as(alice).body(Map.of("algorithm", "m.megolm_backup.v1.curve25519-aes-sha2",
                        "auth_data", Map.of("public_key", "pk"))).post(V3 + "/room_keys/version")
                .then().statusCode(200).extract().path("version");
        // The backup already holds a key (and the server has run an upload before the race begins: H2 gives up on
        // a row lock after 2 s, a budget a cold first upload on a busy machine could exceed).
        as(alice).body(Map.of("first_message_index", 9, "forwarded_count", 0, "is_verified", false,
                        "session_data", Map.of())).put(V3 + "/room_keys/keys/!r:example.org/s0?version=" + version)
                .then().statusCode(200);
        List<Callable<Void>> work = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            int device = d;
            work.add(() -> {
                Map<String, Object> sessions = new LinkedHashMap<>();
                for (int s = 0; s < SESSIONS; s++) {
                    sessions.put("s" + s, Map.of("first_message_index", device, "forwarded_count", 0,
                            "is_verified", false, "session_data", Map.of("device", device)));
                }
                as(alice).body(Map.of("rooms", Map.of("!r:example.org", Map.of("sessions", sessions))))
                        .put(V3 + "/room_keys/keys?version=" + version).then().statusCode(200);
                return null;
            });
        }
        runAll(work);

        as(alice).get(V3 + "/room_keys/version").then().statusCode(200).body("count", equalTo(SESSIONS));
        Map<String, Map<String, Object>> stored = as(alice).get(V3 + "/room_keys/keys/!r:example.org?version="
                + version).then().statusCode(200).extract().path("sessions");
        assertThat(stored).hasSize(SESSIONS);
        assertThat(stored.values()).allSatisfy(key -> assertThat(key.get("first_message_index")).isEqualTo(0));
    }

    private static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> task : work) {
                results.add(pool.submit(task));
            }
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
