package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.UserId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.zhihang.server.api.Keys.crossSigning;
import static io.zhihang.server.api.Keys.deviceKeys;
import static io.zhihang.server.api.Keys.object;
import static io.zhihang.server.api.Keys.post;
import static io.zhihang.server.api.Keys.sign;
import static io.zhihang.server.api.Matrix.PASSWORD;
import static io.zhihang.server.api.Matrix.R0;
import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Cross-signing: {@code /keys/device_signing/upload}, {@code /keys/signatures/upload}, and what query shows. */
@QuarkusTest
class CrossSigningApiTest {
    @Inject
    RecordedKeyChanges events;

    /** A user with device keys and the three cross-signing keys. */
    private record Signer(Matrix.Session session, Ed25519SigningKey device, JsonObject deviceKeys,
                          Ed25519SigningKey master, Ed25519SigningKey selfSigning, Ed25519SigningKey userSigning) {
        JsonObject masterJson() {
            return crossSigning(session.userId(), KeyUsage.MASTER, master, null);
        }

        JsonObject selfSigningJson() {
            return crossSigning(session.userId(), KeyUsage.SELF_SIGNING, selfSigning, master);
        }

        JsonObject userSigningJson() {
            return crossSigning(session.userId(), KeyUsage.USER_SIGNING, userSigning, master);
        }

        JsonObject upload() {
            return object("master_key", masterJson(), "self_signing_key", selfSigningJson(),
                    "user_signing_key", userSigningJson());
        }

        String user() {
            return session.userId();
        }
    }

    private static Signer signer(String prefix, boolean setUp) {
        Matrix.Session session = Matrix.registerFresh(prefix);
        Ed25519SigningKey device = Keys.deviceKey(session);
        JsonObject keys = deviceKeys(session, device);
        Keys.upload(session, object("device_keys", keys));
        Signer signer = new Signer(session, device, keys, Keys.crossSigningKey(), Keys.crossSigningKey(),
                Keys.crossSigningKey());
        if (setUp) {
            post(session, "/keys/device_signing/upload", signer.upload()).statusCode(200);
        }
        return signer;
    }

    private static Map<String, Object> signatures(Matrix.Session session, JsonObject body) {
        return post(session, "/keys/signatures/upload", body).statusCode(200).extract().as(Syncs.MAP);
    }

    @Test
    void deactivating_the_account_deletes_its_cross_signing_keys() {
        Signer alice = signer("xdeact", true);
        Matrix.Session bob = Matrix.registerFresh("xdeactreader");
        assertThat(Syncs.at(Keys.query(bob, alice.user()), "master_keys")).containsKey(alice.user());

        as(alice.session()).body(Map.of("auth", Matrix.passwordAuth(alice.session(), PASSWORD, null)))
                .post(Matrix.V3 + "/account/deactivate").then().statusCode(200);

        Map<String, Object> seen = Keys.query(bob, alice.user());
        assertThat(Syncs.at(seen, "master_keys")).doesNotContainKey(alice.user());
        assertThat(Syncs.at(seen, "self_signing_keys")).doesNotContainKey(alice.user());
        assertThat(Syncs.at(seen, "device_keys")).containsEntry(alice.user(), Map.of());
    }

    @Test
    void the_first_keys_need_no_password_and_others_see_all_but_the_user_signing_key() {
        Signer alice = signer("xsign", false);
        Matrix.Session bob = Matrix.registerFresh("xreader");

        post(alice.session(), "/keys/device_signing/upload", alice.upload()).statusCode(200).body(equalTo("{}"));

        Map<String, Object> seenByBob = Keys.query(bob, alice.user());
        assertThat(Syncs.at(seenByBob, "master_keys")).isEqualTo(Map.of(alice.user(), Keys.asMap(alice.masterJson())));
        assertThat(Syncs.at(seenByBob, "self_signing_keys"))
                .isEqualTo(Map.of(alice.user(), Keys.asMap(alice.selfSigningJson())));
        assertThat(Syncs.at(seenByBob, "user_signing_keys")).isEmpty();
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "user_signing_keys"))
                .isEqualTo(Map.of(alice.user(), Keys.asMap(alice.userSigningJson())));
        assertThat(events.keyChangesOf(alice.user())).isEqualTo(2); // device keys, then cross-signing keys
        assertThat(events.signaturesBy(alice.user())).singleElement()
                .satisfies(e -> assertThat(e.signed()).containsExactly(UserId.parse(alice.user())));

        post(alice.session(), "/keys/device_signing/upload", alice.upload()).statusCode(200);
        post(alice.session(), "/keys/device_signing/upload", object()).statusCode(200);
        assertThat(events.keyChangesOf(alice.user())).isEqualTo(2);
    }

    @Test
    void replacing_the_keys_needs_the_password() {
        Signer alice = signer("xreplace", true);
        Ed25519SigningKey newMaster = Keys.crossSigningKey();
        JsonObject replacement = object(
                "master_key", crossSigning(alice.user(), KeyUsage.MASTER, newMaster, null),
                "self_signing_key", crossSigning(alice.user(), KeyUsage.SELF_SIGNING, Keys.crossSigningKey(),
                        newMaster));

        String session = post(alice.session(), "/keys/device_signing/upload", replacement).statusCode(401)
                .body("flows[0].stages[0]", equalTo("m.login.password")).body("session", notNullValue())
                .extract().path("session");
        post(alice.session(), "/keys/device_signing/upload", replacement.with("auth", object("type",
                "m.login.password", "identifier", object("type", "m.id.user", "user", alice.user()),
                "password", "wrong", "session", session))).statusCode(401).body("errcode", equalTo("M_FORBIDDEN"));
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "master_keys", alice.user()))
                .isEqualTo(Keys.asMap(alice.masterJson()));

        as(alice.session()).body(CanonicalJson.encode(replacement.with("auth", object("type", "m.login.password",
                        "identifier", object("type", "m.id.user", "user", alice.user()), "password", PASSWORD,
                        "session", session))))
                .post(R0 + "/keys/device_signing/upload").then().statusCode(200);

        Map<String, Object> seen = Keys.query(alice.session(), alice.user());
        assertThat(Syncs.at(seen, "master_keys", alice.user())).isEqualTo(Keys.asMap(replacement.object("master_key")
                .orElseThrow()));
        assertThat(Syncs.at(seen, "user_signing_keys", alice.user())).isEqualTo(Keys.asMap(alice.userSigningJson()));
    }

    @Test
    void the_unstable_path_is_the_same_endpoint_with_the_same_password_rule() {
        Signer alice = signer("xunstable", false);
        String unstable = "/_matrix/client/unstable/keys/device_signing/upload";

        as(alice.session()).body(CanonicalJson.encode(alice.upload())).post(unstable).then().statusCode(200)
                .body(equalTo("{}"));
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "master_keys", alice.user()))
                .isEqualTo(Keys.asMap(alice.masterJson()));

        Ed25519SigningKey newMaster = Keys.crossSigningKey();
        JsonObject replacement = object("master_key", crossSigning(alice.user(), KeyUsage.MASTER, newMaster, null));
        String session = as(alice.session()).body(CanonicalJson.encode(replacement)).post(unstable).then()
                .statusCode(401).body("flows[0].stages[0]", equalTo("m.login.password")).extract().path("session");
        as(alice.session()).body(CanonicalJson.encode(replacement.with("auth", object("type", "m.login.password",
                        "identifier", object("type", "m.id.user", "user", alice.user()), "password", PASSWORD,
                        "session", session))))
                .post(unstable).then().statusCode(200);
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "master_keys", alice.user()))
                .isEqualTo(Keys.asMap(replacement.object("master_key").orElseThrow()));
        Matrix.json().body("{}").post(unstable).then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void keys_not_signed_by_the_master_key_or_not_the_users_are_refused() {
        Signer alice = signer("xbad", false);
        JsonObject master = alice.masterJson();
        JsonObject forgedSelfSigning = crossSigning(alice.user(), KeyUsage.SELF_SIGNING, alice.selfSigning(),
                Keys.crossSigningKey());

        post(alice.session(), "/keys/device_signing/upload", object("master_key", master,
                "self_signing_key", forgedSelfSigning)).statusCode(400).body("errcode", equalTo("M_INVALID_SIGNATURE"));
        post(alice.session(), "/keys/device_signing/upload", object("master_key", master,
                "user_signing_key", crossSigning(alice.user(), KeyUsage.USER_SIGNING, alice.userSigning(), null)))
                .statusCode(400).body("errcode", equalTo("M_INVALID_SIGNATURE"));
        post(alice.session(), "/keys/device_signing/upload", object("master_key",
                crossSigning("@someone:localhost", KeyUsage.MASTER, alice.master(), null))).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice.session(), "/keys/device_signing/upload", object("master_key",
                master.with("usage", JsonArray.of(JsonString.of("self_signing"))))).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        post(alice.session(), "/keys/device_signing/upload", object("self_signing_key", alice.selfSigningJson()))
                .statusCode(400).body("errcode", equalTo("M_MISSING_PARAM"));
        post(alice.session(), "/keys/device_signing/upload", object("master_key", "x")).statusCode(400)
                .body("errcode", equalTo("M_BAD_JSON"));
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "master_keys")).isEmpty();

        post(alice.session(), "/keys/device_signing/upload", object("master_key", master)).statusCode(200);
        post(alice.session(), "/keys/device_signing/upload", object("self_signing_key", forgedSelfSigning,
                "auth", object("type", "m.login.password", "identifier", object("type", "m.id.user",
                        "user", alice.user()), "password", PASSWORD)))
                .statusCode(400).body("errcode", equalTo("M_INVALID_SIGNATURE"));
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "self_signing_keys")).isEmpty();
    }

    @Test
    void signatures_on_own_devices_show_to_everyone_and_on_the_master_key_to_the_owner() {
        Signer alice = signer("xsigs", true);
        Matrix.Session bob = Matrix.registerFresh("xsigsreader");
        JsonObject signedDevice = sign(alice.deviceKeys(), alice.user(), alice.selfSigning());
        JsonObject signedMaster = sign(alice.masterJson(), alice.user(), alice.device());
        long before = events.keyChangesOf(alice.user());

        assertThat(signatures(alice.session(), object(alice.user(), object(
                alice.session().deviceId(), signedDevice,
                alice.master().publicKeyBase64(), signedMaster))))
                .isEqualTo(Map.of("failures", Map.of()));

        assertThat(events.keyChangesOf(alice.user())).isEqualTo(before + 1);
        Map<String, Object> seenByBob = Keys.query(bob, alice.user());
        assertThat(Syncs.at(seenByBob, "device_keys", alice.user(), alice.session().deviceId()))
                .isEqualTo(Keys.asMap(signedDevice.with("unsigned", JsonObject.EMPTY)));
        assertThat(Syncs.at(seenByBob, "master_keys", alice.user())).isEqualTo(Keys.asMap(alice.masterJson()));
        assertThat(Syncs.at(Keys.query(alice.session(), alice.user()), "master_keys", alice.user()))
                .isEqualTo(Keys.asMap(signedMaster));

        assertThat(signatures(alice.session(), object(alice.user(), object(alice.session().deviceId(),
                signedDevice)))).isEqualTo(Map.of("failures", Map.of()));
    }

    @Test
    void a_user_signing_key_signs_other_users_master_keys_which_only_the_signer_sees() {
        Signer alice = signer("xother", true);
        Signer bob = signer("xsigned", true);
        Matrix.Session carol = Matrix.registerFresh("xthird");
        JsonObject bobMasterSigned = sign(bob.masterJson(), alice.user(), alice.userSigning());

        assertThat(signatures(alice.session(), object(bob.user(), object(bob.master().publicKeyBase64(),
                bobMasterSigned)))).isEqualTo(Map.of("failures", Map.of()));

        assertThat(Syncs.at(Keys.query(alice.session(), bob.user()), "master_keys", bob.user()))
                .isEqualTo(Keys.asMap(bobMasterSigned));
        assertThat(Syncs.at(Keys.query(bob.session(), bob.user()), "master_keys", bob.user()))
                .isEqualTo(Keys.asMap(bob.masterJson()));
        assertThat(Syncs.at(Keys.query(carol, bob.user()), "master_keys", bob.user()))
                .isEqualTo(Keys.asMap(bob.masterJson()));
        assertThat(events.signaturesBy(alice.user())).anySatisfy(
                e -> assertThat(e.signed()).isEqualTo(Set.of(UserId.parse(bob.user()))));
    }

    @Test
    void bad_signatures_are_reported_per_key_and_nothing_of_them_is_stored() {
        Signer alice = signer("xfail", true);
        Signer bob = signer("xfailtarget", true);
        Matrix.Session carol = Matrix.registerFresh("xnokeys");
        JsonObject forged = alice.deviceKeys().with("signatures", object(alice.user(), object(
                alice.selfSigning().keyId(), sign(bob.deviceKeys(), alice.user(), alice.selfSigning())
                        .object("signatures").orElseThrow().object(alice.user()).orElseThrow()
                        .string(alice.selfSigning().keyId()).orElseThrow())));
        JsonObject changed = sign(alice.deviceKeys().with("algorithms", JsonArray.EMPTY), alice.user(),
                alice.selfSigning());

        Map<String, Object> failures = Syncs.at(signatures(alice.session(), object(
                alice.user(), object(alice.session().deviceId(), forged, "NOSUCHDEVICE", forged),
                bob.user(), object("BOBDEVICE", sign(bob.deviceKeys(), alice.user(), alice.userSigning())))),
                "failures");
        assertThat(Syncs.at(failures, alice.user(), alice.session().deviceId()))
                .containsEntry("errcode", "M_INVALID_SIGNATURE");
        assertThat(Syncs.at(failures, alice.user(), "NOSUCHDEVICE")).containsEntry("errcode", "M_NOT_FOUND");
        assertThat(Syncs.at(failures, bob.user(), "BOBDEVICE")).containsEntry("errcode", "M_NOT_FOUND");
        assertThat(Syncs.at(signatures(alice.session(), object(alice.user(), object(alice.session().deviceId(),
                changed))), "failures", alice.user(), alice.session().deviceId()))
                .containsEntry("errcode", "M_UNKNOWN").containsEntry("error", "Key does not match");
        assertThat(Syncs.at(signatures(carol, object(bob.user(), object(bob.master().publicKeyBase64(),
                sign(bob.masterJson(), carol.userId(), Keys.crossSigningKey())))), "failures", bob.user(),
                bob.master().publicKeyBase64())).containsEntry("errcode", "M_NOT_FOUND");

        assertThat(Syncs.at(Keys.query(bob.session(), alice.user()), "device_keys", alice.user(),
                alice.session().deviceId())).isEqualTo(Keys.asMap(alice.deviceKeys().with("unsigned",
                JsonObject.EMPTY)));
        post(alice.session(), "/keys/signatures/upload", object(alice.user(), "x")).statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }
}
