package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Keys.deviceKeys;
import static io.zhihang.server.api.Keys.object;
import static io.zhihang.server.api.Keys.post;
import static io.zhihang.server.api.Keys.signedKey;
import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;
import static io.zhihang.server.api.Matrix.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code /keys/upload} and {@code /keys/query}: what a device publishes and what others read back. */
@QuarkusTest
class KeysApiTest {

    @Test
    void uploaded_keys_are_counted_and_others_read_them_back_exactly_with_the_device_name() {
        Matrix.Session alice = Matrix.registerFresh("keys");
        Matrix.Session bob = Matrix.registerFresh("reader");
        Ed25519SigningKey key = Keys.deviceKey(alice);
        JsonObject device = Keys.sign(deviceKeys(alice, key).without("signatures")
                .with("org.example.custom", object("nested", new JsonNumber(1))), alice.userId(), key);
        as(alice).body(Map.of("display_name", "Alice's laptop")).put(V3 + "/devices/" + alice.deviceId())
                .then().statusCode(200);

        Map<String, Object> counts = Keys.upload(alice, object(
                "device_keys", device,
                "one_time_keys", object(
                        "signed_curve25519:AAAAAQ", signedKey(alice, key, "otk1", false),
                        "signed_curve25519:AAAAAg", signedKey(alice, key, "otk2", false),
                        "curve25519:AAAAAw", "bare"),
                "fallback_keys", object("signed_curve25519:AAAAZA", signedKey(alice, key, "fb", true))));

        assertThat(counts).isEqualTo(Map.of("one_time_key_counts", Map.of("signed_curve25519", 2, "curve25519", 1)));
        Map<String, Object> answer = Keys.query(bob, alice.userId());
        assertThat(Syncs.at(answer, "device_keys", alice.userId())).containsOnlyKeys(alice.deviceId());
        assertThat(Syncs.at(answer, "device_keys", alice.userId(), alice.deviceId())).isEqualTo(Keys.asMap(device
                .with("unsigned", object("device_display_name", "Alice's laptop"))));
        assertThat(answer).containsEntry("failures", Map.of()).containsEntry("master_keys", Map.of())
                .containsEntry("self_signing_keys", Map.of()).containsEntry("user_signing_keys", Map.of());
    }

    @Test
    void an_upload_without_keys_still_counts_signed_curve25519() {
        Matrix.Session alice = Matrix.registerFresh("empty");

        as(alice).body("{}").post(V3 + "/keys/upload").then().statusCode(200)
                .body("one_time_key_counts", equalTo(Map.of("signed_curve25519", 0)));
        as(alice).body("{\"one_time_keys\": {}, \"fallback_keys\": {}}").post(R0 + "/keys/upload")
                .then().statusCode(200).body("one_time_key_counts.signed_curve25519", equalTo(0));
    }

    @Test
    void every_local_user_asked_for_is_answered_and_other_servers_are_failures() {
        Matrix.Session alice = Matrix.registerFresh("asker");
        Matrix.Session noKeys = Matrix.registerFresh("nokeys");
        Matrix.Session withKeys = Matrix.registerFresh("withkeys");
        Keys.upload(withKeys, object("device_keys", deviceKeys(withKeys, Keys.deviceKey(withKeys))));
        String nobody = "@" + Matrix.freshName("nobody") + ":localhost";

        Map<String, Object> answer = post(alice, "/keys/query", object("device_keys", object(
                noKeys.userId(), JsonArray.EMPTY,
                nobody, JsonArray.EMPTY,
                withKeys.userId(), JsonArray.of(JsonString.of("NOSUCHDEVICE")),
                "@carol:elsewhere.example", JsonArray.EMPTY,
                "not a user id", JsonArray.EMPTY), "timeout", new JsonNumber(10000)))
                .statusCode(200).extract().as(Syncs.MAP);

        assertThat(Syncs.at(answer, "device_keys")).isEqualTo(Map.of(noKeys.userId(), Map.of(), nobody, Map.of(),
                withKeys.userId(), Map.of()));
        assertThat(Syncs.at(answer, "failures")).containsOnlyKeys("elsewhere.example");
        assertThat(Syncs.at(answer, "failures", "elsewhere.example")).containsEntry("status", 503);
        assertThat(Syncs.at(Keys.query(alice, withKeys.userId()), "device_keys", withKeys.userId()))
                .containsOnlyKeys(withKeys.deviceId());
    }

    @Test
    void a_device_may_replace_its_keys_and_use_the_legacy_path_naming_itself() {
        Matrix.Session alice = Matrix.registerFresh("replace");
        Keys.upload(alice, object("device_keys", deviceKeys(alice, Keys.deviceKey(alice))));
        JsonObject second = deviceKeys(alice, Keys.deviceKey(alice));

        as(alice).body(CanonicalJson.encode(object("device_keys", second)))
                .post(R0 + "/keys/upload/" + alice.deviceId()).then().statusCode(200)
                .body("one_time_key_counts.signed_curve25519", equalTo(0));

        assertThat(Syncs.at(Keys.query(alice, alice.userId()), "device_keys", alice.userId(), alice.deviceId()))
                .isEqualTo(Keys.asMap(second.with("unsigned", JsonObject.EMPTY)));
    }

    @Test
    void keys_for_another_user_or_device_are_refused() {
        Matrix.Session alice = Matrix.registerFresh("mine");
        Matrix.Session bob = Matrix.registerFresh("theirs");
        Ed25519SigningKey bobKey = Keys.deviceKey(bob);

        post(alice, "/keys/upload", object("device_keys", deviceKeys(bob, bobKey))).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        Matrix.Session otherDevice = new Matrix.Session(alice.userId(), alice.accessToken(), "OTHERDEVICE", null);
        post(alice, "/keys/upload", object("device_keys", deviceKeys(otherDevice, Keys.deviceKey(otherDevice))))
                .statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        as(alice).body("{}").post(V3 + "/keys/upload/" + bob.deviceId()).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(Syncs.at(Keys.query(alice, bob.userId()), "device_keys", bob.userId())).isEmpty();
    }

    @Test
    void device_keys_are_stored_whatever_their_signatures_as_synapse_stores_them_clients_verify_them() {
        Matrix.Session alice = Matrix.registerFresh("selfsig");
        Ed25519SigningKey key = Keys.deviceKey(alice);
        JsonObject good = deviceKeys(alice, key);
        JsonObject malformed = good.with("signatures", object(alice.userId(), object("ed25519:" + alice.deviceId(),
                "!!not base64!!")));
        JsonObject forged = good.with("algorithms", JsonArray.of(JsonString.of("m.megolm.v1.aes-sha2")));
        JsonObject byAnotherKey = Keys.sign(good.without("signatures"), alice.userId(), Keys.deviceKey(alice));
        JsonObject withoutEd25519 = good.with("keys", object("curve25519:" + alice.deviceId(), "c"));
        JsonObject unknownMembers = good.with("algorithms", JsonArray.EMPTY).with("org.example.extra",
                object("nested", JsonArray.of(new JsonNumber(1))));

        for (JsonObject accepted : new JsonObject[]{malformed, forged, byAnotherKey, good.with("signatures",
                JsonObject.EMPTY), withoutEd25519, unknownMembers}) {
            Keys.upload(alice, object("device_keys", accepted));
            assertThat(Syncs.at(Keys.query(alice, alice.userId()), "device_keys", alice.userId(), alice.deviceId()))
                    .isEqualTo(Keys.asMap(accepted.with("unsigned", JsonObject.EMPTY)));
        }
    }

    @Test
    void device_keys_of_the_wrong_shape_stay_bad_json() {
        Matrix.Session alice = Matrix.registerFresh("shape");
        JsonObject good = deviceKeys(alice, Keys.deviceKey(alice));

        for (JsonObject bad : new JsonObject[]{
                good.with("signatures", object(alice.userId(), "sig")),
                good.without("signatures"),
                good.without("algorithms"),
                good.with("algorithms", JsonArray.of(new JsonNumber(1))),
                good.with("keys", object("ed25519:" + alice.deviceId(), new JsonNumber(1))),
                good.without("user_id"),
                good.with("device_id", new JsonNumber(1))}) {
            post(alice, "/keys/upload", object("device_keys", bad)).statusCode(400)
                    .body("errcode", equalTo("M_BAD_JSON"));
        }
        assertThat(Syncs.at(Keys.query(alice, alice.userId()), "device_keys", alice.userId())).isEmpty();
    }

    @Test
    void one_time_and_fallback_keys_of_every_shape_synapse_takes_are_stored() {
        Matrix.Session alice = Matrix.registerFresh("otkshapes");
        Ed25519SigningKey key = Keys.deviceKey(alice);
        JsonObject nullFallback = signedKey(alice, key, "fb", false).with("fallback", JsonNull.INSTANCE);

        Map<String, Object> counts = Keys.upload(alice, object(
                "one_time_keys", object(
                        "signed_curve25519:AAAAAQ", signedKey(alice, key, "k1", false)
                                .with("fallback", JsonNull.INSTANCE).with("org.example.extra", JsonString.of("x")),
                        "signed_curve25519:", signedKey(alice, key, "k2", false),
                        ":AAAAAQ", "bare"),
                "fallback_keys", object("signed_curve25519:AAAAZA", nullFallback)));

        assertThat(counts).isEqualTo(Map.of("one_time_key_counts", Map.of("signed_curve25519", 2, "", 1)));
        Map<String, Object> claimed = post(alice, "/keys/claim", object("one_time_keys", object(alice.userId(),
                object(alice.deviceId(), "signed_curve25519")))).statusCode(200).extract().as(Syncs.MAP);
        assertThat(Syncs.at(claimed, "one_time_keys", alice.userId(), alice.deviceId())).hasSize(1);
    }

    @Test
    void a_one_time_key_id_cannot_be_reused_for_another_key() {
        Matrix.Session alice = Matrix.registerFresh("otkreuse");
        Ed25519SigningKey key = Keys.deviceKey(alice);
        JsonObject first = signedKey(alice, key, "k1", false);
        Keys.upload(alice, object("one_time_keys", object("signed_curve25519:AAAAAQ", first)));

        JsonObject resigned = signedKey(alice, Keys.deviceKey(alice), "k1", false);
        assertThat(Keys.upload(alice, object("one_time_keys", object("signed_curve25519:AAAAAQ", resigned))))
                .isEqualTo(Map.of("one_time_key_counts", Map.of("signed_curve25519", 1)));
        JsonObject changed = signedKey(alice, key, "k2", false);
        post(alice, "/keys/upload", object("one_time_keys", object("signed_curve25519:AAAAAQ", changed,
                "signed_curve25519:AAAAAg", signedKey(alice, key, "k3", false))))
                .statusCode(400).body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("One time key signed_curve25519:AAAAAQ already exists. Old key: "
                        + CanonicalJson.encode(first) + "; new key: " + CanonicalJson.encode(changed)));
        post(alice, "/keys/upload", object("one_time_keys", object("signed_curve25519:AAAAAQ", "bare")))
                .statusCode(400).body("errcode", equalTo("M_UNKNOWN"));
        assertThat(Keys.upload(alice, object())).isEqualTo(Map.of("one_time_key_counts",
                Map.of("signed_curve25519", 1)));
    }

    @Test
    void malformed_uploads_and_queries_are_bad_json() {
        Matrix.Session alice = Matrix.registerFresh("malformed");
        Ed25519SigningKey key = Keys.deviceKey(alice);

        for (JsonObject bad : new JsonObject[]{
                object("device_keys", JsonNull.INSTANCE),
                object("device_keys", "x"),
                object("one_time_keys", JsonArray.EMPTY),
                object("one_time_keys", object("AAAAAQ", signedKey(alice, key, "k", false))),
                object("one_time_keys", object("signed_curve25519:A:B", signedKey(alice, key, "k", false))),
                object("one_time_keys", object("signed_curve25519:A", object("key", "k"))),
                object("fallback_keys", object("signed_curve25519:A", new JsonNumber(1)))}) {
            post(alice, "/keys/upload", bad).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        }
        as(alice).body("not json").post(V3 + "/keys/upload").then().statusCode(400)
                .body("errcode", equalTo("M_NOT_JSON"));
        post(alice, "/keys/query", object()).statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        post(alice, "/keys/query", object("device_keys", object(alice.userId(), "DEVICE"))).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        post(alice, "/keys/query", object("device_keys", object(alice.userId(), JsonArray.of(new JsonNumber(1)))))
                .statusCode(400).body("errcode", equalTo("M_BAD_JSON"));
        assertThat(Keys.upload(alice, object())).isEqualTo(Map.of("one_time_key_counts",
                Map.of("signed_curve25519", 0)));
    }

    @Test
    void the_key_endpoints_need_an_access_token() {
        for (String path : new String[]{"/keys/upload", "/keys/query", "/keys/claim", "/keys/device_signing/upload",
                "/keys/signatures/upload"}) {
            json().body("{}").post(V3 + path).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        }
    }

    @Test
    void every_keys_endpoint_is_served_under_unstable_too_as_synapse_registers_them() {
        String unstable = "/_matrix/client/unstable";
        Matrix.Session alice = Matrix.registerFresh("unstable");
        Matrix.Session bob = Matrix.registerFresh("unstablereader");
        Ed25519SigningKey key = Keys.deviceKey(alice);
        JsonObject device = deviceKeys(alice, key);

        as(alice).body(CanonicalJson.encode(object("device_keys", device, "one_time_keys",
                        object("signed_curve25519:AAAAAQ", signedKey(alice, key, "otk", false)))))
                .post(unstable + "/keys/upload").then().statusCode(200)
                .body("one_time_key_counts.signed_curve25519", equalTo(1));
        Map<String, Object> queried = as(bob).body(CanonicalJson.encode(object("device_keys",
                        object(alice.userId(), JsonArray.EMPTY))))
                .post(unstable + "/keys/query").then().statusCode(200).extract().as(Syncs.MAP);
        assertThat(Syncs.at(queried, "device_keys", alice.userId(), alice.deviceId(), "keys"))
                .isEqualTo(Keys.asMap(device.object("keys").orElseThrow()));
        as(bob).body(CanonicalJson.encode(object("one_time_keys", object(alice.userId(),
                        object(alice.deviceId(), "signed_curve25519")))))
                .post(unstable + "/keys/claim").then().statusCode(200)
                .body("failures", equalTo(Map.of()));
        assertThat(Keys.upload(alice, object())).isEqualTo(Map.of("one_time_key_counts",
                Map.of("signed_curve25519", 0)));
        as(alice).body("{}").post(unstable + "/keys/signatures/upload").then().statusCode(200)
                .body("failures", equalTo(Map.of()));
        String now = as(alice).get(V3 + "/sync").then().statusCode(200).extract().path("next_batch");
        as(alice).queryParam("from", now).queryParam("to", now).get(unstable + "/keys/changes").then()
                .statusCode(200).body("changed", equalTo(List.of()));
        for (String path : new String[]{"/keys/upload", "/keys/query", "/keys/claim", "/keys/device_signing/upload",
                "/keys/signatures/upload"}) {
            json().body("{}").post(unstable + path).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        }
        json().get(unstable + "/keys/changes?from=a&to=b").then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void logging_out_or_deleting_a_device_forgets_its_keys() {
        Matrix.Session alice = Matrix.registerFresh("forget");
        Matrix.Session phone = Matrix.login(alice.userId(), PASSWORD);
        Matrix.Session tablet = Matrix.login(alice.userId(), PASSWORD);
        for (Matrix.Session device : new Matrix.Session[]{phone, tablet}) {
            Ed25519SigningKey key = Keys.deviceKey(device);
            Keys.upload(device, object("device_keys", deviceKeys(device, key),
                    "one_time_keys", object("signed_curve25519:AAAAAQ", signedKey(device, key, "k", false)),
                    "fallback_keys", object("signed_curve25519:AAAAZA", signedKey(device, key, "fb", true))));
        }
        assertThat(Syncs.at(Keys.query(alice, alice.userId()), "device_keys", alice.userId()))
                .containsOnlyKeys(phone.deviceId(), tablet.deviceId());

        as(alice).body(Map.of("auth", Matrix.passwordAuth(alice, PASSWORD, null)))
                .delete(V3 + "/devices/" + phone.deviceId()).then().statusCode(200);
        as(tablet).post(V3 + "/logout").then().statusCode(200);

        assertThat(Syncs.at(Keys.query(alice, alice.userId()), "device_keys", alice.userId())).isEmpty();
        post(alice, "/keys/claim", object("one_time_keys", object(alice.userId(), object(
                phone.deviceId(), "signed_curve25519", tablet.deviceId(), "signed_curve25519"))))
                .statusCode(200).body("one_time_keys", equalTo(Map.of()));
    }
}
