package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Keys.object;
import static io.zhihang.server.api.Keys.post;
import static io.zhihang.server.api.Keys.signedKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code /keys/claim}, and the counts sync shows the claimed device. */
@QuarkusTest
class KeyClaimApiTest {

    private static JsonObject claimOf(Matrix.Session owner, String algorithm) {
        return object("one_time_keys", object(owner.userId(), object(owner.deviceId(), algorithm)),
                "timeout", new JsonNumber(10000));
    }

    private static Map<String, Object> claim(Matrix.Session claimer, JsonObject body) {
        return post(claimer, "/keys/claim", body).statusCode(200).extract().as(Syncs.MAP);
    }

    @Test
    void one_time_keys_go_oldest_first_then_the_fallback_key_which_stays() {
        Matrix.Session bob = Matrix.registerFresh("claimed");
        Matrix.Session alice = Matrix.registerFresh("claimer");
        Ed25519SigningKey key = Keys.deviceKey(bob);
        JsonObject first = signedKey(bob, key, "first", false);
        JsonObject second = signedKey(bob, key, "second", false);
        JsonObject fallback = signedKey(bob, key, "fallback", true);
        Keys.upload(bob, object("one_time_keys", object("signed_curve25519:BBBB", first),
                "fallback_keys", object("signed_curve25519:FFFF", fallback)));
        Keys.upload(bob, object("one_time_keys", object("signed_curve25519:AAAA", second)));

        assertThat(claim(alice, claimOf(bob, "signed_curve25519"))).isEqualTo(Map.of("failures", Map.of(),
                "one_time_keys", Map.of(bob.userId(), Map.of(bob.deviceId(),
                        Map.of("signed_curve25519:BBBB", Keys.asMap(first))))));
        assertThat(Syncs.at(claim(alice, claimOf(bob, "signed_curve25519")), "one_time_keys", bob.userId(),
                bob.deviceId())).isEqualTo(Map.of("signed_curve25519:AAAA", Keys.asMap(second)));
        for (int i = 0; i < 2; i++) {
            assertThat(Syncs.at(claim(alice, claimOf(bob, "signed_curve25519")), "one_time_keys", bob.userId(),
                    bob.deviceId())).isEqualTo(Map.of("signed_curve25519:FFFF", Keys.asMap(fallback)));
        }
        assertThat(claim(alice, claimOf(bob, "curve25519"))).containsEntry("one_time_keys", Map.of());
    }

    @Test
    void sync_shows_the_device_its_counts_and_unused_fallback_keys() {
        Matrix.Session bob = Matrix.registerFresh("counted");
        Matrix.Session otherDevice = Matrix.login(bob.userId(), Matrix.PASSWORD);
        Map<String, Object> initial = Syncs.initial(bob);
        assertThat(initial).containsEntry("device_one_time_keys_count", Map.of("signed_curve25519", 0))
                .containsEntry("device_unused_fallback_key_types", List.of());
        Ed25519SigningKey key = Keys.deviceKey(bob);
        Keys.upload(bob, object("one_time_keys", object("signed_curve25519:A1", signedKey(bob, key, "a1", false),
                        "signed_curve25519:A2", signedKey(bob, key, "a2", false)),
                "fallback_keys", object("signed_curve25519:F1", signedKey(bob, key, "f1", true))));

        Map<String, Object> next = Syncs.since(bob, initial);
        assertThat(next).containsEntry("device_one_time_keys_count", Map.of("signed_curve25519", 2))
                .containsEntry("device_unused_fallback_key_types", List.of("signed_curve25519"));
        assertThat(Syncs.initial(otherDevice)).containsEntry("device_one_time_keys_count",
                Map.of("signed_curve25519", 0)).containsEntry("device_unused_fallback_key_types", List.of());

        for (int i = 0; i < 3; i++) {
            claim(otherDevice, claimOf(bob, "signed_curve25519"));
        }
        assertThat(Syncs.since(bob, next)).containsEntry("device_one_time_keys_count", Map.of("signed_curve25519", 0))
                .containsEntry("device_unused_fallback_key_types", List.of());

        Keys.upload(bob, object("fallback_keys", object("signed_curve25519:F1", signedKey(bob, key, "f1", true))));
        assertThat(Syncs.since(bob, next)).containsEntry("device_unused_fallback_key_types", List.of());
        Keys.upload(bob, object("fallback_keys", object("signed_curve25519:F2", signedKey(bob, key, "f2", true))));
        assertThat(Syncs.since(bob, next)).containsEntry("device_unused_fallback_key_types",
                List.of("signed_curve25519"));
    }

    @Test
    void unknown_users_and_devices_are_left_out_and_other_servers_fail() {
        Matrix.Session alice = Matrix.registerFresh("claimunknown");
        String nobody = "@" + Matrix.freshName("nobody") + ":localhost";

        assertThat(claim(alice, object("one_time_keys", object(
                alice.userId(), object("NOSUCHDEVICE", "signed_curve25519"),
                nobody, object("DEVICE", "signed_curve25519"),
                "@carol:elsewhere.example", object("CAROLDEVICE", "signed_curve25519")))))
                .containsEntry("one_time_keys", Map.of())
                .extractingByKey("failures").isEqualTo(Map.of("elsewhere.example",
                        Map.of("status", 503, "message", "Federation is not supported by this server")));
        assertThat(claim(alice, object())).isEqualTo(Map.of("one_time_keys", Map.of(), "failures", Map.of()));
    }

    @Test
    void malformed_claims_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("claimbad");

        post(alice, "/keys/claim", object("one_time_keys", object("not-a-user", object("D", "signed_curve25519"))))
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice, "/keys/claim", object("one_time_keys", object(alice.userId(), object("D", new JsonNumber(1)))))
                .statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        post(alice, "/keys/claim", object("one_time_keys", "x")).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
    }

    /**
     * Many claims at once on one device over real HTTP: each one-time key is handed out to exactly one of them, and
     * the claims that find none left get the fallback key.
     */
    @Test
    void concurrent_claims_hand_out_each_one_time_key_exactly_once() throws Exception {
        Matrix.Session bob = Matrix.registerFresh("race");
        Ed25519SigningKey key = Keys.deviceKey(bob);
        int keys = 12;
        int claims = 24;
        JsonObject.Builder otks = JsonObject.builder();
        for (int i = 0; i < keys; i++) {
            otks.put("signed_curve25519:K" + (100 + i), signedKey(bob, key, "k" + i, false));
        }
        Keys.upload(bob, object("one_time_keys", otks.build(),
                "fallback_keys", object("signed_curve25519:FALLBACK", signedKey(bob, key, "fb", true))));
        List<Matrix.Session> claimers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimers.add(Matrix.registerFresh("racer"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(claims);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Object>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < claims; i++) {
                Matrix.Session claimer = claimers.get(i % claimers.size());
                answers.add(pool.submit(() -> {
                    start.await();
                    return claim(claimer, claimOf(bob, "signed_curve25519"));
                }));
            }
            start.countDown();
            List<String> handedOut = new ArrayList<>();
            for (Future<Map<String, Object>> answer : answers) {
                handedOut.addAll(Syncs.at(answer.get(60, TimeUnit.SECONDS), "one_time_keys", bob.userId(),
                        bob.deviceId()).keySet());
            }
            List<String> oneTime = handedOut.stream().filter(id -> !id.endsWith("FALLBACK")).toList();
            Set<String> expected = new HashSet<>(otks.build().members().keySet());
            assertThat(oneTime).hasSize(keys).doesNotHaveDuplicates();
            assertThat(new HashSet<>(oneTime)).isEqualTo(expected);
            assertThat(handedOut).hasSize(claims).filteredOn(id -> id.endsWith("FALLBACK")).hasSize(claims - keys);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Keys.upload(bob, object())).isEqualTo(Map.of("one_time_key_counts",
                Map.of("signed_curve25519", 0)));
    }
}
