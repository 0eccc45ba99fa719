package io.zhihang.server.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.out.backup.BackedUpKeyRepository;
import io.zhihang.application.port.out.backup.KeyBackupRepository;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyScope;
import jakarta.inject.Inject;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Server-side key backups over HTTP: versions, keys at three levels, the keep rule, etags and every refusal. */
@QuarkusTest
class KeyBackupApiTest {
    private static final String ALGORITHM = "m.megolm_backup.v1.curve25519-aes-sha2";
    private static final String VERSION = V3 + "/room_keys/version";
    private static final String KEYS = V3 + "/room_keys/keys";
    private static final String ROOM = "!room:example.org";
    /** Megolm session ids are base64: with {@code /} and {@code +}, which clients send percent-encoded. */
    private static final String SESSION = "ab/cd+ef";

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String roomPath(String roomId) {
        return KEYS + "/" + enc(roomId);
    }

    private static String sessionPath(String roomId, String sessionId) {
        return roomPath(roomId) + "/" + enc(sessionId);
    }

    private static Map<String, Object> authData(String publicKey) {
        return Map.of("public_key", publicKey, "signatures", Map.of("@x:example.org", Map.of("ed25519:D", "sig")));
    }

    private static Map<String, Object> key(int firstMessageIndex, int forwardedCount, boolean verified) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("first_message_index", firstMessageIndex);
        key.put("forwarded_count", forwardedCount);
        key.put("is_verified", verified);
        key.put("session_data", Map.of("ephemeral", "e" + firstMessageIndex, "ciphertext", "c", "mac", "m"));
        return key;
    }

    private static String createBackup(Matrix.Session user, String publicKey) {
        return as(user).body(Map.of("algorithm", ALGORITHM, "auth_data", authData(publicKey)))
                .post(VERSION).then().statusCode(200).extract().path("version");
    }

    /** Requests with the path taken as given: percent-encoded segments reach the server as clients send them. */
    private static io.restassured.specification.RequestSpecification raw(Matrix.Session user) {
        return as(user).urlEncodingEnabled(false);
    }

    private static ValidatableResponse putKeys(Matrix.Session user, String path, String version, Object body) {
        return raw(user).body(body).put(path + "?version=" + version).then();
    }

    @Inject
    KeyBackupRepository backups;
    @Inject
    BackedUpKeyRepository backedUpKeys;

    @Test
    void deactivating_the_account_deletes_its_backups_and_their_keys() {
        Matrix.Session alice = Matrix.registerFresh("kbdeact");
        String version = createBackup(alice, "pk1");
        putKeys(alice, sessionPath(ROOM, SESSION), version, key(0, 0, false)).statusCode(200);

        as(alice).body(Map.of("auth", Matrix.passwordAuth(alice, PASSWORD, null)))
                .post(V3 + "/account/deactivate").then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(backups.current(alice.userId())).isEmpty();
            assertThat(backedUpKeys.list(alice.userId(), BackupVersion.parse(version).orElseThrow(), KeyScope.ALL))
                    .isEmpty();
        });
    }

    @Test
    void no_backup_is_a_json_404_and_a_created_backup_is_the_current_one() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        as(alice).get(VERSION).then().statusCode(404).contentType("application/json")
                .body("errcode", equalTo("M_NOT_FOUND"));

        String v1 = createBackup(alice, "pk1");

        assertThat(v1).isEqualTo("1");
        as(alice).get(VERSION).then().statusCode(200)
                .body("algorithm", equalTo(ALGORITHM))
                .body("auth_data.public_key", equalTo("pk1"))
                .body("auth_data.signatures.'@x:example.org'.'ed25519:D'", equalTo("sig"))
                .body("count", equalTo(0))
                .body("etag", equalTo("0"))
                .body("version", equalTo("1"));
        as(alice).get(VERSION + "/1").then().statusCode(200).body("version", equalTo("1"));
        as(alice).get(R0 + "/room_keys/version").then().statusCode(200).body("version", equalTo("1"));
        assertThat(createBackup(alice, "pk2")).isEqualTo("2");
        as(alice).get(VERSION).then().statusCode(200).body("version", equalTo("2"))
                .body("auth_data.public_key", equalTo("pk2"));
        as(alice).get(VERSION + "/1").then().statusCode(200).body("auth_data.public_key", equalTo("pk1"));
    }

    @Test
    void keys_round_trip_at_all_three_levels_with_count_and_etag() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        Map<String, Object> k1 = new LinkedHashMap<>(key(0, 0, true));
        k1.put("org.example.unknown", List.of(1, "two"));

        String etag1 = putKeys(alice, sessionPath(ROOM, SESSION), v, k1).statusCode(200)
                .body("count", equalTo(1)).extract().path("etag");
        String etag2 = putKeys(alice, roomPath(ROOM), v, Map.of("sessions", Map.of("s2", key(3, 1, false))))
                .statusCode(200).body("count", equalTo(2)).extract().path("etag");
        String etag3 = putKeys(alice, KEYS, v, Map.of("rooms", Map.of("!other:example.org",
                Map.of("sessions", Map.of("s3", key(1, 0, false), "s4", key(2, 0, false))))))
                .statusCode(200).body("count", equalTo(3 + 1)).extract().path("etag");
        assertThat(List.of(etag1, etag2, etag3)).doesNotHaveDuplicates();

        raw(alice).get(sessionPath(ROOM, SESSION) + "?version=" + v).then().statusCode(200)
                .body("first_message_index", equalTo(0))
                .body("is_verified", equalTo(true))
                .body("session_data.ephemeral", equalTo("e0"))
                .body("'org.example.unknown'[1]", equalTo("two"));
        raw(alice).get(roomPath(ROOM) + "?version=" + v).then().statusCode(200)
                .body("sessions", aMapWithSize(2))
                .body("sessions.s2.forwarded_count", equalTo(1))
                .body("sessions.'" + SESSION + "'.first_message_index", equalTo(0));
        as(alice).get(KEYS + "?version=" + v).then().statusCode(200)
                .body("rooms", aMapWithSize(2))
                .body("rooms.'" + ROOM + "'.sessions", aMapWithSize(2))
                .body("rooms.'!other:example.org'.sessions.s4.first_message_index", equalTo(2));
        as(alice).get(R0 + "/room_keys/keys?version=" + v).then().statusCode(200).body("rooms", aMapWithSize(2));
        as(alice).get(VERSION).then().statusCode(200).body("count", equalTo(4)).body("etag", equalTo(etag3));
    }

    @Test
    void the_better_key_is_kept_and_the_etag_moves_only_on_change() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        String path = sessionPath(ROOM, "s");
        String first = putKeys(alice, path, v, key(5, 2, false)).statusCode(200).extract().path("etag");

        // Worse: higher index. Nothing changes, not even the etag.
        putKeys(alice, path, v, key(6, 0, false)).statusCode(200).body("etag", equalTo(first)).body("count", equalTo(1));
        // Same index, fewer forwards: replaces.
        String second = putKeys(alice, path, v, key(5, 1, false)).statusCode(200).body("count", equalTo(1))
                .extract().path("etag");
        assertThat(second).isNotEqualTo(first);
        // Verified beats any unverified key, even one with a lower index.
        String third = putKeys(alice, path, v, key(9, 9, true)).statusCode(200).extract().path("etag");
        assertThat(third).isNotEqualTo(second);
        // An unverified key never replaces a verified one.
        putKeys(alice, path, v, key(0, 0, false)).statusCode(200).body("etag", equalTo(third));
        // Equal metadata: the stored key stays.
        Map<String, Object> same = key(9, 9, true);
        same.put("session_data", Map.of("ciphertext", "other"));
        putKeys(alice, path, v, same).statusCode(200).body("etag", equalTo(third));
        // Among verified keys, the lower index wins.
        putKeys(alice, path, v, key(4, 9, true)).statusCode(200).body("etag", not(equalTo(third)));

        raw(alice).get(path + "?version=" + v).then().statusCode(200)
                .body("first_message_index", equalTo(4)).body("forwarded_count", equalTo(9))
                .body("is_verified", equalTo(true)).body("session_data.ephemeral", equalTo("e4"));
    }

    @Test
    void a_batch_of_two_hundred_sessions_is_stored_and_merged_in_one_request() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        Map<String, Object> rooms = new LinkedHashMap<>();
        for (int r = 0; r < 20; r++) {
            Map<String, Object> sessions = new LinkedHashMap<>();
            for (int s = 0; s < 10; s++) {
                sessions.put("s" + r + "/" + s, key(s + 1, 0, false));
            }
            rooms.put("!r" + r + ":example.org", Map.of("sessions", sessions));
        }
        putKeys(alice, KEYS, v, Map.of("rooms", rooms)).statusCode(200).body("count", equalTo(200));

        // Half better, half worse, plus new ones: only the better and new keys change.
        Map<String, Object> again = new LinkedHashMap<>();
        for (int r = 0; r < 20; r++) {
            Map<String, Object> sessions = new LinkedHashMap<>();
            for (int s = 0; s < 10; s++) {
                sessions.put("s" + r + "/" + s, key(s % 2 == 0 ? 0 : 50, 0, false));
            }
            sessions.put("new" + r, key(0, 0, false));
            again.put("!r" + r + ":example.org", Map.of("sessions", sessions));
        }
        putKeys(alice, KEYS, v, Map.of("rooms", again)).statusCode(200).body("count", equalTo(220));

        raw(alice).get(roomPath("!r7:example.org") + "?version=" + v).then().statusCode(200)
                .body("sessions", aMapWithSize(11))
                .body("sessions.'s7/2'.first_message_index", equalTo(0))
                .body("sessions.'s7/3'.first_message_index", equalTo(4));
    }

    @Test
    void missing_rooms_and_sessions() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        as(alice).get(KEYS + "?version=" + v).then().statusCode(200).body("rooms", anEmptyMap());
        putKeys(alice, sessionPath(ROOM, "s"), v, key(0, 0, false)).statusCode(200);

        raw(alice).get(roomPath("!nothing:example.org") + "?version=" + v).then().statusCode(200)
                .body("sessions", anEmptyMap());
        raw(alice).get(sessionPath(ROOM, "nothing") + "?version=" + v).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        raw(alice).get(sessionPath("!nothing:example.org", "s") + "?version=" + v).then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void deleting_keys_at_each_level_moves_the_etag_and_the_count() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        putKeys(alice, KEYS, v, Map.of("rooms", Map.of(
                ROOM, Map.of("sessions", Map.of(SESSION, key(0, 0, true), "s2", key(0, 0, true))),
                "!b:example.org", Map.of("sessions", Map.of("s3", key(0, 0, true), "s4", key(0, 0, true))),
                "!c:example.org", Map.of("sessions", Map.of("s5", key(0, 0, true))))))
                .statusCode(200).body("count", equalTo(5));
        String before = as(alice).get(VERSION).then().extract().path("etag");

        String afterSession = raw(alice).delete(sessionPath(ROOM, SESSION) + "?version=" + v).then().statusCode(200)
                .body("count", equalTo(4)).extract().path("etag");
        raw(alice).get(sessionPath(ROOM, SESSION) + "?version=" + v).then().statusCode(404);
        String afterAbsent = raw(alice).delete(sessionPath(ROOM, SESSION) + "?version=" + v).then().statusCode(200)
                .body("count", equalTo(4)).extract().path("etag");
        raw(alice).delete(roomPath("!b:example.org") + "?version=" + v).then().statusCode(200)
                .body("count", equalTo(2));
        raw(alice).get(roomPath("!b:example.org") + "?version=" + v).then().statusCode(200)
                .body("sessions", anEmptyMap());
        as(alice).get(KEYS + "?version=" + v).then().statusCode(200)
                .body("rooms", aMapWithSize(2)).body("rooms", not(hasKey("!b:example.org")));
        String afterAll = as(alice).delete(KEYS + "?version=" + v).then().statusCode(200)
                .body("count", equalTo(0)).extract().path("etag");

        assertThat(List.of(before, afterSession, afterAbsent, afterAll)).doesNotHaveDuplicates();
        as(alice).get(KEYS + "?version=" + v).then().statusCode(200).body("rooms", anEmptyMap());
        as(alice).get(VERSION).then().statusCode(200).body("count", equalTo(0)).body("etag", equalTo(afterAll));
    }

    @Test
    void writing_to_an_older_version_names_the_current_one_and_reading_it_still_works() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v1 = createBackup(alice, "pk1");
        putKeys(alice, sessionPath(ROOM, "s"), v1, key(0, 0, true)).statusCode(200);
        String v2 = createBackup(alice, "pk2");

        for (String path : List.of(sessionPath(ROOM, "s"), roomPath(ROOM), KEYS)) {
            Object body = path.equals(KEYS) ? Map.of("rooms", Map.of())
                    : path.equals(roomPath(ROOM)) ? Map.of("sessions", Map.of()) : key(0, 0, true);
            putKeys(alice, path, v1, body).statusCode(403).contentType("application/json")
                    .body("errcode", equalTo("M_WRONG_ROOM_KEYS_VERSION"))
                    .body("current_version", equalTo(v2));
        }
        raw(alice).get(sessionPath(ROOM, "s") + "?version=" + v1).then().statusCode(200);
        as(alice).get(KEYS + "?version=" + v2).then().statusCode(200).body("rooms", anEmptyMap());
        // Keys of an older version may still be deleted (Synapse).
        as(alice).delete(KEYS + "?version=" + v1).then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void unknown_and_malformed_versions_are_not_found() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        putKeys(alice, KEYS, "1", Map.of("rooms", Map.of())).statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        String v = createBackup(alice, "pk");

        for (String bad : List.of("7", "abc", "0", "-1", "01", "99999999999999999999999")) {
            as(alice).get(VERSION + "/" + bad).then().statusCode(404).contentType("application/json")
                    .body("errcode", equalTo("M_NOT_FOUND"));
            as(alice).get(KEYS + "?version=" + bad).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
            putKeys(alice, KEYS, bad, Map.of("rooms", Map.of())).statusCode(404)
                    .body("errcode", equalTo("M_NOT_FOUND"));
            as(alice).delete(KEYS + "?version=" + bad).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
            as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", Map.of())).put(VERSION + "/" + bad).then()
                    .statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
            as(alice).delete(VERSION + "/" + bad).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        }
        as(alice).get(VERSION + "/" + v).then().statusCode(200);
    }

    @Test
    void the_version_query_parameter_is_required() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        createBackup(alice, "pk");

        as(alice).get(KEYS).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        raw(alice).get(roomPath(ROOM)).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        raw(alice).get(sessionPath(ROOM, "s")).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("rooms", Map.of())).put(KEYS).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        raw(alice).body(key(0, 0, true)).put(sessionPath(ROOM, "s")).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).delete(KEYS).then().statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
    }

    @Test
    void updating_a_version_changes_its_auth_data_under_synapses_rules() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        putKeys(alice, sessionPath(ROOM, "s"), v, key(0, 0, true)).statusCode(200);
        String etag = as(alice).get(VERSION).then().extract().path("etag");

        as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", authData("pk-new"), "version", v))
                .put(VERSION + "/" + v).then().statusCode(200).body("$", anEmptyMap());
        as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", authData("pk-newer")))
                .put(R0 + "/room_keys/version/" + v).then().statusCode(200);
        as(alice).get(VERSION).then().statusCode(200).body("auth_data.public_key", equalTo("pk-newer"))
                .body("count", equalTo(1)).body("etag", equalTo(etag));

        as(alice).body(Map.of("algorithm", "m.other", "auth_data", authData("x")))
                .put(VERSION + "/" + v).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", authData("x"), "version", "2"))
                .put(VERSION + "/" + v).then().statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("auth_data", authData("x"))).put(VERSION + "/" + v).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", "x")).put(VERSION + "/" + v).then()
                .statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).get(VERSION).then().body("auth_data.public_key", equalTo("pk-newer"));
    }

    @Test
    void an_update_without_auth_data_keeps_it_and_the_body_version_is_checked_first_as_in_synapse() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");

        as(alice).body(Map.of("algorithm", ALGORITHM)).put(VERSION + "/" + v).then().statusCode(200)
                .body("$", anEmptyMap());
        as(alice).body(Map.of("algorithm", ALGORITHM, "version", v)).put(VERSION + "/" + v).then().statusCode(200);
        as(alice).get(VERSION).then().statusCode(200).body("auth_data.public_key", equalTo("pk"));
        as(alice).body(Map.of("algorithm", "m.other")).put(VERSION + "/" + v).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM")).body("error", equalTo("Algorithm does not match"));

        as(alice).body(Map.of("version", "7")).put(VERSION + "/" + v).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM")).body("error", equalTo("Version in body does not match"));
        as(alice).body(Map.of("version", "8")).put(VERSION + "/7").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body(Map.of("algorithm", ALGORITHM)).put(VERSION + "/7").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void auth_data_is_not_looked_into_and_any_algorithm_string_is_taken_as_synapse_takes_them() {
        Matrix.Session alice = Matrix.registerFresh("kb");

        String v = as(alice).body(Map.of("algorithm", "", "auth_data", Map.of("org.example", List.of(1))))
                .post(VERSION).then().statusCode(200).extract().path("version");
        as(alice).get(VERSION + "/" + v).then().statusCode(200).body("algorithm", equalTo(""))
                .body("auth_data", equalTo(Map.of("org.example", List.of(1))));
        String w = as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", Map.of())).post(VERSION).then()
                .statusCode(200).extract().path("version");
        as(alice).get(VERSION).then().statusCode(200).body("version", equalTo(w)).body("auth_data", anEmptyMap());
    }

    @Test
    void deleting_a_version_deletes_its_keys_and_the_previous_version_becomes_current() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v1 = createBackup(alice, "pk1");
        String v2 = createBackup(alice, "pk2");
        putKeys(alice, sessionPath(ROOM, "s"), v2, key(0, 0, true)).statusCode(200);

        as(alice).delete(VERSION + "/" + v2).then().statusCode(200).body("$", anEmptyMap());

        as(alice).get(VERSION + "/" + v2).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(KEYS + "?version=" + v2).then().statusCode(404);
        putKeys(alice, KEYS, v2, Map.of("rooms", Map.of())).statusCode(404);
        as(alice).get(VERSION).then().statusCode(200).body("version", equalTo(v1));
        // Deleting it again is fine (spec); a version number is never handed out twice.
        as(alice).delete(VERSION + "/" + v2).then().statusCode(200);
        assertThat(createBackup(alice, "pk3")).isEqualTo("3");
        as(alice).get(KEYS + "?version=3").then().statusCode(200).body("rooms", anEmptyMap());

        as(alice).delete(VERSION + "/3").then().statusCode(200);
        as(alice).delete(VERSION + "/" + v1).then().statusCode(200);
        as(alice).get(VERSION).then().statusCode(404).contentType("application/json")
                .body("errcode", equalTo("M_NOT_FOUND"));
    }

    @Test
    void backups_are_per_user() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        Matrix.Session bob = Matrix.registerFresh("kb");
        String v = createBackup(alice, "alice");
        putKeys(alice, sessionPath(ROOM, "s"), v, key(0, 0, true)).statusCode(200);

        as(bob).get(VERSION).then().statusCode(404);
        as(bob).get(VERSION + "/" + v).then().statusCode(404);
        as(bob).get(KEYS + "?version=" + v).then().statusCode(404);
        putKeys(bob, sessionPath(ROOM, "s"), v, key(0, 0, true)).statusCode(404);
        as(bob).delete(VERSION + "/" + v).then().statusCode(404);
        assertThat(createBackup(bob, "bob")).isEqualTo("1");
        as(bob).get(KEYS + "?version=1").then().statusCode(200).body("rooms", anEmptyMap());
        raw(alice).get(sessionPath(ROOM, "s") + "?version=" + v).then().statusCode(200);
        as(alice).get(VERSION).then().body("auth_data.public_key", equalTo("alice"));
    }

    @Test
    void every_endpoint_needs_an_access_token() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        String v = createBackup(alice, "pk");
        String session = sessionPath(ROOM, "s") + "?version=" + v;
        List<ValidatableResponse> refusals = List.of(
                Matrix.json().get(VERSION).then(),
                Matrix.json().body(Map.of("algorithm", ALGORITHM, "auth_data", Map.of())).post(VERSION).then(),
                Matrix.json().get(VERSION + "/" + v).then(),
                Matrix.json().body(Map.of("algorithm", ALGORITHM, "auth_data", Map.of())).put(VERSION + "/" + v)
                        .then(),
                Matrix.json().delete(VERSION + "/" + v).then(),
                Matrix.json().get(KEYS + "?version=" + v).then(),
                Matrix.json().body(Map.of("rooms", Map.of())).put(KEYS + "?version=" + v).then(),
                Matrix.json().delete(KEYS + "?version=" + v).then(),
                Matrix.json().urlEncodingEnabled(false).get(roomPath(ROOM) + "?version=" + v).then(),
                Matrix.json().urlEncodingEnabled(false).body(Map.of("sessions", Map.of()))
                        .put(roomPath(ROOM) + "?version=" + v).then(),
                Matrix.json().urlEncodingEnabled(false).delete(roomPath(ROOM) + "?version=" + v).then(),
                Matrix.json().urlEncodingEnabled(false).get(session).then(),
                Matrix.json().urlEncodingEnabled(false).body(key(0, 0, true)).put(session).then(),
                Matrix.json().urlEncodingEnabled(false).delete(session).then());
        refusals.forEach(r -> r.statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN")));
        as(alice).get(VERSION).then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void malformed_bodies_are_refused_before_anything_is_stored() {
        Matrix.Session alice = Matrix.registerFresh("kb");
        as(alice).body("not json").post(VERSION).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).post(VERSION).then().statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        as(alice).body("[]").post(VERSION).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("auth_data", Map.of())).post(VERSION).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("algorithm", ALGORITHM)).post(VERSION).then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).body(Map.of("algorithm", 1, "auth_data", Map.of())).post(VERSION).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body(Map.of("algorithm", ALGORITHM, "auth_data", "x")).post(VERSION).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).get(VERSION).then().statusCode(404);

        String v = createBackup(alice, "pk");
        Map<String, Object> noIndex = key(0, 0, true);
        noIndex.remove("first_message_index");
        Map<String, Object> stringVerified = key(0, 0, true);
        stringVerified.put("is_verified", "true");
        Map<String, Object> negative = key(-1, 0, true);
        putKeys(alice, KEYS, v, "not json").statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        putKeys(alice, KEYS, v, Map.of()).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        putKeys(alice, KEYS, v, Map.of("rooms", List.of())).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        putKeys(alice, KEYS, v, Map.of("rooms", Map.of(ROOM, Map.of("sessions", Map.of("ok", key(0, 0, true),
                "bad", noIndex))))).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        putKeys(alice, roomPath(ROOM), v, Map.of("sessions", "x")).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        putKeys(alice, sessionPath(ROOM, "s"), v, stringVerified).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        putKeys(alice, sessionPath(ROOM, "s"), v, negative).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        putKeys(alice, sessionPath(ROOM, "s".repeat(256)), v, key(0, 0, true)).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));

        as(alice).get(VERSION).then().statusCode(200).body("count", equalTo(0)).body("etag", equalTo("0"));
        as(alice).get(KEYS + "?version=" + v).then().statusCode(200).body("rooms", anEmptyMap());
    }

    @Test
    void the_seeds_paths_with_the_version_in_the_path_are_the_spec_endpoints() {
        Matrix.Session alice = Matrix.registerFresh("kbseed");
        Matrix.Session eve = Matrix.registerFresh("kbseede");
        String v1 = createBackup(alice, "pk1");
        String seed = R0 + "/room_keys/";
        String room2 = "!other:example.org";

        raw(alice).body(Map.of("rooms", Map.of(ROOM, Map.of("sessions", Map.of(SESSION, key(3, 0, false))))))
                .put(seed + v1).then().statusCode(200).body("count", equalTo(1)).body("etag", equalTo("1"));
        raw(alice).body(Map.of("rooms", Map.of(room2, Map.of("sessions", Map.of("s2", key(0, 0, true))))))
                .post(seed + v1 + "/keys").then().statusCode(200).body("count", equalTo(2)).body("etag", equalTo("2"));

        as(alice).get(seed + v1).then().statusCode(200)
                .body("rooms", aMapWithSize(2))
                .body("rooms.'" + ROOM + "'.sessions.'" + SESSION + "'.first_message_index", equalTo(3));
        raw(alice).get(seed + v1 + "/keys/" + enc(room2)).then().statusCode(200)
                .body("sessions", aMapWithSize(1)).body("sessions.s2.is_verified", equalTo(true));
        raw(alice).get(seed + v1 + "/keys/" + enc(room2) + "/s2").then().statusCode(200)
                .body("first_message_index", equalTo(0)).body("session_data.ciphertext", equalTo("c"));
        raw(alice).get(V3 + "/room_keys/" + v1 + "/keys/" + enc("!empty:example.org")).then().statusCode(200)
                .body("sessions", anEmptyMap());
        raw(alice).get(seed + v1 + "/keys/" + enc(room2) + "/nope").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(KEYS + "?version=" + v1).then().statusCode(200).body("rooms", aMapWithSize(2));
        // The literal spec paths keep their meaning next to the version segment.
        as(alice).get(seed + "version").then().statusCode(200).body("version", equalTo(v1));

        // Refusals, as on the spec endpoints.
        as(alice).get(seed + "7").then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(seed + "abc/keys/" + enc(room2)).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).get(seed + v1).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(eve).body(Map.of("rooms", Map.of())).put(seed + v1).then().statusCode(404);
        String v2 = createBackup(alice, "pk2");
        raw(alice).body(Map.of("rooms", Map.of(room2, Map.of("sessions", Map.of("s3", key(0, 0, true))))))
                .post(seed + v1 + "/keys").then().statusCode(403)
                .body("errcode", equalTo("M_WRONG_ROOM_KEYS_VERSION")).body("current_version", equalTo(v2));
        as(alice).body(Map.of("rooms", Map.of(room2, Map.of("sessions", Map.of("s3", Map.of("is_verified", true))))))
                .put(seed + v2).then().statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        io.restassured.RestAssured.get(seed + v1).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        Matrix.json().body(Map.of("rooms", Map.of())).post(seed + v1 + "/keys").then().statusCode(401);
        Matrix.json().get(seed + v1 + "/keys/" + enc(room2) + "/s2").then().statusCode(401);
        as(alice).get(seed + v2).then().statusCode(200).body("rooms", anEmptyMap());
    }
}
