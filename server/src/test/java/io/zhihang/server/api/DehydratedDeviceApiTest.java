package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.zhihang.server.api.Keys.object;
import static io.zhihang.server.api.Keys.post;
import static io.zhihang.server.api.Keys.signedKey;
import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Dehydrated devices (MSC3814, Synapse's unstable endpoints): storing, reading, replacing and deleting one, its keys
 * in {@code /keys/query} and {@code /keys/claim}, its to-device inbox read in pages, and every refusal.
 */
@QuarkusTest
class DehydratedDeviceApiTest {
    private static final String PREFIX = "/_matrix/client/unstable/org.matrix.msc3814.v1";
    private static final String DEVICE = PREFIX + "/dehydrated_device";
    private static final String EVENTS = DEVICE + "/{deviceId}/events";
    private static final AtomicInteger TXN = new AtomicInteger();

    /** The dehydrated device as a key-signing "session" of its owner (it has no access token). */
    private static Matrix.Session device(Matrix.Session owner, String deviceId) {
        return new Matrix.Session(owner.userId(), null, deviceId, null);
    }

    private static JsonObject deviceData(String pickle) {
        return object("algorithm", "org.matrix.msc3814.v2", "device_pickle", pickle, "nonce", "n0nce");
    }

    /** A PUT body as matrix-js-sdk makes it: identity keys, two one-time keys and a fallback key, all signed. */
    private static JsonObject body(Matrix.Session dehydrated, Ed25519SigningKey key, String pickle) {
        return object("device_id", dehydrated.deviceId(),
                "device_data", deviceData(pickle),
                "initial_device_display_name", "Dehydrated device",
                "device_keys", Keys.deviceKeys(dehydrated, key),
                "one_time_keys", object("signed_curve25519:AAAAAQ", signedKey(dehydrated, key, "otk1", false),
                        "signed_curve25519:AAAAAg", signedKey(dehydrated, key, "otk2", false)),
                "fallback_keys", object("signed_curve25519:AAAAAw", signedKey(dehydrated, key, "fb", true)));
    }

    private static ValidatableResponse put(Matrix.Session session, Object body) {
        return as(session).body(body instanceof JsonObject j ? CanonicalJson.encode(j) : body).put(DEVICE)
                .then().log().ifValidationFails();
    }

    private static String store(Matrix.Session owner, String deviceId, String pickle) {
        Matrix.Session dehydrated = device(owner, deviceId);
        return put(owner, body(dehydrated, Keys.deviceKey(dehydrated), pickle)).statusCode(200)
                .extract().path("device_id");
    }

    private static ValidatableResponse events(Matrix.Session session, String deviceId, String query) {
        return as(session).urlEncodingEnabled(false).get(EVENTS.replace("{deviceId}", encoded(deviceId))
                + (query.isEmpty() ? "" : "?" + query)).then().log().ifValidationFails();
    }

    /** Device ids of dehydrated devices are Base64 keys: {@code /} and {@code +} are escaped in the path. */
    private static String encoded(String deviceId) {
        return URLEncoder.encode(deviceId, StandardCharsets.UTF_8);
    }

    private static void sendTo(Matrix.Session sender, String userId, String deviceId, int n) {
        as(sender).body(Map.of("messages", Map.of(userId, Map.of(deviceId, Map.of("n", n)))))
                .put(V3 + "/sendToDevice/m.room.encrypted/dh" + TXN.incrementAndGet()).then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> numbers(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("events")).stream()
                .map(e -> ((Map<String, Object>) e.get("content")).get("n")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> deviceIdsListed(Matrix.Session session) {
        return ((List<Map<String, Object>>) as(session).get(V3 + "/devices").then().statusCode(200)
                .extract().as(Syncs.MAP).get("devices")).stream().map(d -> (String) d.get("device_id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> changed(Map<String, Object> sync) {
        return (List<String>) Syncs.at(sync, "device_lists").get("changed");
    }

    private static Map<String, Object> queriedDevices(Matrix.Session viewer, String userId) {
        return Syncs.at(Keys.query(viewer, userId), "device_keys", userId);
    }

    private static Map<String, Object> claim(Matrix.Session claimer, String userId, String deviceId) {
        return post(claimer, "/keys/claim", object("one_time_keys", object(userId, object(deviceId,
                "signed_curve25519")), "timeout", new JsonNumber(10000))).statusCode(200).extract().as(Syncs.MAP);
    }

    @Test
    void the_whole_lifecycle_store_read_keys_claims_delete() {
        Matrix.Session alice = Matrix.registerFresh("dehyd");
        Matrix.Session bob = Matrix.registerFresh("dehydpeer");
        as(alice).get(DEVICE).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        Map<String, Object> before = Syncs.initial(alice);

        String id = "curve/Key+Base64";
        Matrix.Session dehydrated = device(alice, id);
        Ed25519SigningKey key = Keys.deviceKey(dehydrated);
        JsonObject body = body(dehydrated, key, "pickle-1");
        put(alice, body).statusCode(200).body("$", equalTo(Map.of("device_id", id)));

        as(alice).get(DEVICE).then().statusCode(200)
                .body("$", equalTo(Map.of("device_id", id, "device_data", Keys.asMap(deviceData("pickle-1")))));
        assertThat(queriedDevices(bob, alice.userId())).containsOnlyKeys(id); // her login device uploaded none
        assertThat(Syncs.at(queriedDevices(bob, alice.userId()), id)).containsAllEntriesOf(
                Keys.asMap(Keys.deviceKeys(dehydrated, key)))
                .containsEntry("unsigned", Map.of("device_display_name", "Dehydrated device"));
        assertThat(deviceIdsListed(alice)).contains(id); // Synapse lists it too; clients tell it by its keys
        Map<String, Object> after = Syncs.since(alice, before);
        assertThat(changed(after)).contains(alice.userId());

        assertThat(Syncs.at(claim(bob, alice.userId(), id), "one_time_keys", alice.userId(), id))
                .containsOnlyKeys("signed_curve25519:AAAAAQ");
        assertThat(Syncs.at(claim(bob, alice.userId(), id), "one_time_keys", alice.userId(), id))
                .containsOnlyKeys("signed_curve25519:AAAAAg");
        assertThat(Syncs.at(claim(bob, alice.userId(), id), "one_time_keys", alice.userId(), id))
                .containsOnlyKeys("signed_curve25519:AAAAAw");

        as(alice).delete(DEVICE).then().statusCode(200).body("$", equalTo(Map.of("device_id", id)));
        as(alice).get(DEVICE).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).delete(DEVICE).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));
        assertThat(queriedDevices(bob, alice.userId())).isEmpty();
        assertThat(deviceIdsListed(alice)).containsExactly(alice.deviceId());
        assertThat(claim(bob, alice.userId(), id)).containsEntry("one_time_keys", Map.of());
        assertThat(changed(Syncs.since(alice, after)))
                .contains(alice.userId());
    }

    @Test
    void to_device_messages_wait_for_it_and_are_read_in_pages_without_being_consumed() {
        Matrix.Session alice = Matrix.registerFresh("dehydinbox");
        Matrix.Session bob = Matrix.registerFresh("dehydsender");
        String id = store(alice, "INBOX/dev+1", "p");
        for (int n = 1; n <= 4; n++) {
            sendTo(bob, alice.userId(), id, n);
        }
        sendTo(bob, alice.userId(), "*", 5); // every device of Alice's, the dehydrated one included

        Map<String, Object> first = events(alice, id, "limit=2").statusCode(200).extract().as(Syncs.MAP);
        assertThat(numbers(first)).containsExactly(1, 2);
        assertThat(((List<?>) first.get("events")).getFirst()).isEqualTo(
                Map.of("sender", bob.userId(), "type", "m.room.encrypted", "content", Map.of("n", 1)));
        Map<String, Object> second = events(alice, id, "limit=2&from=" + first.get("next_batch")).statusCode(200)
                .extract().as(Syncs.MAP);
        assertThat(numbers(second)).containsExactly(3, 4);
        Map<String, Object> last = events(alice, id, "limit=2&from=" + second.get("next_batch")).statusCode(200)
                .extract().as(Syncs.MAP);
        assertThat(numbers(last)).containsExactly(5);
        assertThat(last).doesNotContainKey("next_batch");
        assertThat(numbers(events(alice, id, "").statusCode(200).extract().as(Syncs.MAP)))
                .as("reading deletes nothing: a broken-off rehydration can start again")
                .containsExactly(1, 2, 3, 4, 5);
        Map<String, Object> exactlyAll = events(alice, id, "limit=5").statusCode(200).extract().as(Syncs.MAP);
        assertThat(numbers(exactlyAll)).hasSize(5);
        assertThat(exactlyAll).doesNotContainKey("next_batch");

        // The earlier draft's POST: always a next_batch, and an empty page once everything was read.
        List<Object> read = new ArrayList<>();
        String token = null;
        for (int call = 0; call < 4; call++) {
            Map<String, Object> page = as(alice).body(token == null ? Map.of() : Map.of("next_batch", token))
                    .urlEncodingEnabled(false).post(EVENTS.replace("{deviceId}", encoded(id)) + "?limit=3")
                    .then().statusCode(200).extract().as(Syncs.MAP);
            assertThat(page).containsKey("next_batch");
            read.addAll(numbers(page));
            if (numbers(page).isEmpty()) {
                break;
            }
            token = (String) page.get("next_batch");
        }
        assertThat(read).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void a_new_dehydrated_device_replaces_the_old_one_with_its_keys_and_messages() {
        Matrix.Session alice = Matrix.registerFresh("dehydrepl");
        Matrix.Session bob = Matrix.registerFresh("dehydreplpeer");
        String old = store(alice, "OLDDEHYDRATED", "old");
        sendTo(bob, alice.userId(), old, 1);

        String fresh = store(alice, "NEWDEHYDRATED", "new");
        as(alice).get(DEVICE).then().statusCode(200).body("device_id", equalTo(fresh))
                .body("device_data.device_pickle", equalTo("new"));
        assertThat(queriedDevices(bob, alice.userId())).containsOnlyKeys(fresh);
        assertThat(deviceIdsListed(alice)).doesNotContain(old);
        assertThat(claim(bob, alice.userId(), old)).containsEntry("one_time_keys", Map.of());
        events(alice, old, "").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(numbers(events(alice, fresh, "").statusCode(200).extract().as(Syncs.MAP))).isEmpty();

        // The same upload again (a client retrying) replaces the device by itself: fresh keys, an empty inbox.
        sendTo(bob, alice.userId(), fresh, 2);
        assertThat(claim(bob, alice.userId(), fresh)).isNotEqualTo(Map.of());
        assertThat(store(alice, fresh, "again")).isEqualTo(fresh);
        assertThat(numbers(events(alice, fresh, "").statusCode(200).extract().as(Syncs.MAP))).isEmpty();
        assertThat(Syncs.at(claim(bob, alice.userId(), fresh), "one_time_keys", alice.userId(), fresh))
                .containsOnlyKeys("signed_curve25519:AAAAAQ");
        as(alice).get(DEVICE).then().body("device_data.device_pickle", equalTo("again"));
    }

    @Test
    void deleting_it_as_a_device_forgets_it_as_the_dehydrated_device() {
        Matrix.Session alice = Matrix.registerFresh("dehyddel");
        String id = store(alice, "DELETEDASDEVICE", "p");
        as(alice).body(Map.of("auth", passwordAuth(alice, PASSWORD, null))).delete(V3 + "/devices/" + id)
                .then().statusCode(200);
        as(alice).get(DEVICE).then().statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));

        String next = store(alice, "LOGGEDOUTWITHALL", "p");
        as(alice).post(V3 + "/logout/all").then().statusCode(200);
        Matrix.Session again = Matrix.login(alice.userId(), PASSWORD);
        as(again).get(DEVICE).then().statusCode(404);
        events(again, next, "").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
    }

    @Test
    void refusals() {
        Matrix.Session alice = Matrix.registerFresh("dehydref");
        Matrix.Session dehydrated = device(alice, "REFUSALS");
        Ed25519SigningKey key = Keys.deviceKey(dehydrated);

        RestAssured.get(DEVICE).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        Matrix.json().body("{}").put(DEVICE).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.delete(DEVICE).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.get(EVENTS.replace("{deviceId}", "REFUSALS")).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        Matrix.json().body("{}").post(EVENTS.replace("{deviceId}", "REFUSALS")).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));

        events(alice, "REFUSALS", "").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));

        JsonObject good = body(dehydrated, key, "p");
        put(alice, "not json").statusCode(400).body("errcode", equalTo("M_NOT_JSON"));
        put(alice, good.without("device_id")).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        put(alice, good.with("device_id", new JsonNumber(1))).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        put(alice, good.without("device_data")).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        put(alice, good.with("device_data", object("pickle", "no algorithm"))).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        put(alice, good.without("device_keys")).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        put(alice, good.with("one_time_keys", object("signed_curve25519:A", new JsonNumber(1)))).statusCode(400);
        put(alice, good.with("initial_device_display_name", JsonString.of("x".repeat(101)))).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        put(alice, good.with("device_keys", Keys.deviceKeys(device(alice, "OTHER"), key))).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        put(alice, good.with("device_keys", Keys.deviceKeys(dehydrated, Keys.deviceKey(dehydrated))
                .with("algorithms", object()))).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        Matrix.Session loggedIn = device(alice, alice.deviceId());
        Ed25519SigningKey loggedInKey = Keys.deviceKey(loggedIn);
        put(alice, body(loggedIn, loggedInKey, "p")).statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(DEVICE).then().statusCode(404);

        // A refused upload changes nothing: the stored device stays.
        String id = store(alice, "REFUSALS", "kept");
        Matrix.Session replacement = device(alice, "REPLACEMENT");
        put(alice, body(replacement, key, "p").with("device_keys", Keys.deviceKeys(device(alice, "OTHER"), key)))
                .statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).get(DEVICE).then().statusCode(200).body("device_id", equalTo(id))
                .body("device_data.device_pickle", equalTo("kept"));

        events(alice, alice.deviceId(), "").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        events(alice, id, "from=s1").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        events(alice, id, "limit=0").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        events(alice, id, "limit=many").statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).body("{\"next_batch\": 5}").post(EVENTS.replace("{deviceId}", id)).then().statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("{\"next_batch\": \"x\"}").post(EVENTS.replace("{deviceId}", id)).then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));

        Matrix.Session bob = Matrix.registerFresh("dehydrefother");
        as(bob).get(DEVICE).then().statusCode(404);
        events(bob, id, "").statusCode(403).body("errcode", equalTo("M_FORBIDDEN"));
        as(bob).delete(DEVICE).then().statusCode(404);
        as(alice).get(DEVICE).then().statusCode(200).body("device_id", equalTo(id));
    }
}
