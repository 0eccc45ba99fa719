package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.zhihang.server.api.Keys.crossSigning;
import static io.zhihang.server.api.Keys.deviceKeys;
import static io.zhihang.server.api.Keys.object;
import static io.zhihang.server.api.Keys.post;
import static io.zhihang.server.api.Keys.sign;
import static io.zhihang.server.api.Keys.signedKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Key uploads reach {@code device_lists.changed}: of room mates for device and cross-signing keys, of the signer only for user-signing signatures. */
@QuarkusTest
class KeyChangesSyncApiTest {

    @SuppressWarnings("unchecked")
    private static List<String> changed(Map<String, Object> sync) {
        return (List<String>) Syncs.at(sync, "device_lists").get("changed");
    }

    @Test
    void device_keys_and_cross_signing_keys_are_news_to_room_mates_one_time_keys_are_not() {
        Matrix.Session alice = Matrix.registerFresh("kcs");
        Matrix.Session bob = Matrix.registerFresh("kcsmate");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Ed25519SigningKey device = Keys.deviceKey(alice);
        Map<String, Object> start = Syncs.initial(bob);

        Keys.upload(alice, object("device_keys", deviceKeys(alice, device)));
        Map<String, Object> afterDeviceKeys = Syncs.since(bob, start);
        assertThat(changed(afterDeviceKeys)).containsExactly(alice.userId());

        Keys.upload(alice, object("device_keys", deviceKeys(alice, device),
                "one_time_keys", object("signed_curve25519:A", signedKey(alice, device, "k", false))));
        Map<String, Object> afterOneTimeKeys = Syncs.since(bob, afterDeviceKeys);
        assertThat(changed(afterOneTimeKeys)).isEmpty();

        Ed25519SigningKey master = Keys.crossSigningKey();
        post(alice, "/keys/device_signing/upload", object(
                "master_key", crossSigning(alice.userId(), KeyUsage.MASTER, master, null),
                "self_signing_key", crossSigning(alice.userId(), KeyUsage.SELF_SIGNING, Keys.crossSigningKey(),
                        master))).statusCode(200);
        assertThat(changed(Syncs.since(bob, afterOneTimeKeys))).containsExactly(alice.userId());
    }

    @Test
    void signing_someone_elses_master_key_is_news_to_the_signer_alone() {
        Matrix.Session alice = Matrix.registerFresh("kcsigner");
        Matrix.Session bob = Matrix.registerFresh("kcsigned");
        String roomId = Rooms.create(alice, Map.of("preset", "public_chat"));
        Rooms.join(bob, roomId);
        Ed25519SigningKey aliceMaster = Keys.crossSigningKey();
        Ed25519SigningKey aliceUserSigning = Keys.crossSigningKey();
        Ed25519SigningKey bobMaster = Keys.crossSigningKey();
        JsonObject bobMasterJson = crossSigning(bob.userId(), KeyUsage.MASTER, bobMaster, null);
        post(alice, "/keys/device_signing/upload", object(
                "master_key", crossSigning(alice.userId(), KeyUsage.MASTER, aliceMaster, null),
                "user_signing_key", crossSigning(alice.userId(), KeyUsage.USER_SIGNING, aliceUserSigning,
                        aliceMaster))).statusCode(200);
        post(bob, "/keys/device_signing/upload", object("master_key", bobMasterJson)).statusCode(200);
        Map<String, Object> aliceStart = Syncs.initial(alice);
        Map<String, Object> bobStart = Syncs.initial(bob);

        post(alice, "/keys/signatures/upload", object(bob.userId(), object(bobMaster.publicKeyBase64(),
                sign(bobMasterJson, alice.userId(), aliceUserSigning)))).statusCode(200);

        assertThat(changed(Syncs.since(alice, aliceStart))).containsExactly(bob.userId());
        assertThat(changed(Syncs.since(bob, bobStart))).isEmpty();
    }
}
