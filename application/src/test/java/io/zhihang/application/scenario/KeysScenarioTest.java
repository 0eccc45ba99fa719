package io.zhihang.application.scenario;

import io.zhihang.application.config.RateLimitSettings;
import io.zhihang.application.fakes.ImmediateAfterCommit;
import io.zhihang.application.fakes.InMemoryCrossSigningKeyStore;
import io.zhihang.application.fakes.InMemoryDeviceKeyStore;
import io.zhihang.application.fakes.InMemoryRegistrationTokens;
import io.zhihang.application.fakes.RecordingEvent;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.in.keys.ClaimedKeys;
import io.zhihang.application.port.in.keys.KeyUpload;
import io.zhihang.application.service.auth.RateLimits;
import io.zhihang.application.service.auth.UserInteractiveAuth;
import io.zhihang.application.service.devicelist.DeviceKeysChanged;
import io.zhihang.application.service.devicelist.UserSignaturesChanged;
import io.zhihang.application.service.keys.CrossSigningService;
import io.zhihang.application.service.keys.DeviceKeyService;
import io.zhihang.application.service.keys.KeyCountCache;
import io.zhihang.application.service.keys.KeyQueryService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.CrossSigningUpload;
import io.zhihang.domain.keys.KeyClaim;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.keys.SignatureUpload;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.JsonSigning;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.ratelimit.RateLimit;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhihang.application.scenario.TestHomeserver.passwordAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Device keys and cross-signing through the services, on in-memory stores: what is stored and what is announced. */
class KeysScenarioTest {
    private static final String PASSWORD = "correct horse";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestHomeserver server = TestHomeserver.open();
    private final InMemoryDeviceKeyStore deviceKeys = new InMemoryDeviceKeyStore(server.devices);
    private final InMemoryCrossSigningKeyStore crossSigningKeys = new InMemoryCrossSigningKeyStore();
    private final RecordingEvent<DeviceKeysChanged> keyChanges = new RecordingEvent<>();
    private final RecordingEvent<UserSignaturesChanged> signatureChanges = new RecordingEvent<>();
    private final KeyCountCache countCache = new KeyCountCache(new ImmediateAfterCommit());
    private final DeviceKeyService keys = new DeviceKeyService(deviceKeys, crossSigningKeys, server.settings,
            keyChanges, countCache);
    private final KeyQueryService queries = new KeyQueryService(deviceKeys, crossSigningKeys, server.settings,
            countCache);
    private final CrossSigningService crossSigning = new CrossSigningService(crossSigningKeys, deviceKeys,
            new UserInteractiveAuth(server.uiaSessions, server.ids, server.accounts, server.hasher, server.settings,
                    new RateLimits(new RateLimitSettings(false, new RateLimit(1, 1), new RateLimit(1, 1),
                            new RateLimit(1, 1), new RateLimit(1, 1))),
                    new InMemoryRegistrationTokens(), event -> { }),
            server.clock, keyChanges, signatureChanges);

    private final Requester alice = server.authenticate(server.register("alice", PASSWORD));
    private final Requester bob = server.authenticate(server.register("bob", PASSWORD));
    private final Ed25519SigningKey alicePhone = Ed25519SigningKey.generate(alice.deviceId().value(), RANDOM);

    private static Ed25519SigningKey crossSigningKey() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return Ed25519SigningKey.fromSeed(Ed25519SigningKey.fromSeed("x", seed).publicKeyBase64(), seed);
    }

    private static JsonObject crossSigningKey(UserId user, KeyUsage usage, Ed25519SigningKey key,
                                              Ed25519SigningKey signer) {
        JsonObject json = JsonObject.builder().put("user_id", user.toString())
                .put("usage", JsonArray.of(JsonString.of(usage.usage())))
                .put("keys", JsonObject.builder().put(key.keyId(), key.publicKeyBase64()).build()).build();
        return signer == null ? json : JsonSigning.sign(json, user.toString(), signer);
    }

    private JsonObject aliceDeviceKeys(String curveKey) {
        String device = alice.deviceId().value();
        return JsonSigning.sign(JsonObject.builder().put("user_id", alice.userId().toString())
                .put("device_id", device)
                .put("algorithms", JsonArray.of(JsonString.of("m.olm.v1.curve25519-aes-sha2")))
                .put("keys", JsonObject.builder().put("curve25519:" + device, curveKey)
                        .put("ed25519:" + device, alicePhone.publicKeyBase64()).build())
                .build(), alice.userId().toString(), alicePhone);
    }

    private OneTimeKey signedKey(String id, String key) {
        return OneTimeKey.of(id, JsonSigning.sign(JsonObject.builder().put("key", key).build(),
                alice.userId().toString(), alicePhone));
    }

    @Test
    void alice_publishes_her_device_and_bob_starts_a_session_with_it() {
        keys.upload(alice, new KeyUpload(null, aliceDeviceKeys("curve1"), List.of(signedKey("signed_curve25519:A",
                "otk")), List.of(signedKey("signed_curve25519:F", "fallback"))));
        keys.upload(alice, new KeyUpload(null, aliceDeviceKeys("curve1"), List.of(), List.of()));
        assertThat(keyChanges.drain()).containsExactly(new DeviceKeysChanged(alice.userId()));

        assertThat(queries.query(bob, Map.of(alice.userId().toString(), List.of())).deviceKeys()
                .get(alice.userId().toString())).containsOnlyKeys(alice.deviceId().value());
        KeyClaim claim = new KeyClaim(alice.userId(), alice.deviceId(), "signed_curve25519");
        ClaimedKeys first = keys.claim(bob, List.of(claim));
        ClaimedKeys second = keys.claim(bob, List.of(claim));
        assertThat(first.oneTimeKeys().get(alice.userId().toString()).get(alice.deviceId().value()))
                .containsOnlyKeys("signed_curve25519:A");
        assertThat(second.oneTimeKeys().get(alice.userId().toString()).get(alice.deviceId().value()))
                .containsOnlyKeys("signed_curve25519:F");
        assertThat(queries.counts(alice.userId(), alice.deviceId()).oneTimeKeys())
                .isEqualTo(Map.of("signed_curve25519", 0L));
        assertThat(queries.counts(alice.userId(), alice.deviceId()).unusedFallbackKeyTypes()).isEmpty();

        keys.upload(alice, new KeyUpload(null, aliceDeviceKeys("curve2"), List.of(), List.of()));
        assertThat(keyChanges.drain()).containsExactly(new DeviceKeysChanged(alice.userId()));
    }

    @Test
    void cross_signing_is_set_up_freely_and_reset_behind_the_password() {
        Ed25519SigningKey master = crossSigningKey();
        Ed25519SigningKey selfSigning = crossSigningKey();
        CrossSigningUpload setUp = new CrossSigningUpload(Map.of(
                KeyUsage.MASTER, crossSigningKey(alice.userId(), KeyUsage.MASTER, master, null),
                KeyUsage.SELF_SIGNING, crossSigningKey(alice.userId(), KeyUsage.SELF_SIGNING, selfSigning, master)));
        crossSigning.upload(alice, setUp, null);
        crossSigning.upload(alice, setUp, null); // the same keys again: nothing to authorise, nothing announced
        assertThat(keyChanges.drain()).containsExactly(new DeviceKeysChanged(alice.userId()));
        keys.upload(alice, new KeyUpload(null, aliceDeviceKeys("curve"), List.of(), List.of()));
        assertThat(crossSigning.upload(alice, new SignatureUpload(Map.of(alice.userId().toString(), Map.of(
                alice.deviceId().value(), JsonSigning.sign(aliceDeviceKeys("curve"), alice.userId().toString(),
                        selfSigning))))))
                .isEmpty();
        assertThat(crossSigningKeys.signatures()).hasSize(1);
        keyChanges.drain();

        Ed25519SigningKey newMaster = crossSigningKey();
        CrossSigningUpload reset = new CrossSigningUpload(Map.of(
                KeyUsage.MASTER, crossSigningKey(alice.userId(), KeyUsage.MASTER, newMaster, null),
                KeyUsage.SELF_SIGNING, crossSigningKey(alice.userId(), KeyUsage.SELF_SIGNING, crossSigningKey(),
                        newMaster)));
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> crossSigning.upload(alice, reset, null));
        assertThat(keyChanges.fired()).isEmpty();

        crossSigning.upload(alice, reset, passwordAuth(challenge.session(), alice.userId(), PASSWORD));
        assertThat(keyChanges.drain()).containsExactly(new DeviceKeysChanged(alice.userId()));
        assertThat(crossSigningKeys.signatures()).isEmpty(); // made by the replaced self-signing key
        assertThat(queries.query(bob, Map.of(alice.userId().toString(), List.of())).masterKeys()
                .get(alice.userId().toString())).isEqualTo(reset.keys().get(KeyUsage.MASTER));
    }

    @Test
    void signing_bobs_master_key_is_announced_to_alice_alone() {
        Ed25519SigningKey aliceMaster = crossSigningKey();
        Ed25519SigningKey aliceUserSigning = crossSigningKey();
        Ed25519SigningKey bobMaster = crossSigningKey();
        crossSigning.upload(alice, new CrossSigningUpload(Map.of(
                KeyUsage.MASTER, crossSigningKey(alice.userId(), KeyUsage.MASTER, aliceMaster, null),
                KeyUsage.USER_SIGNING, crossSigningKey(alice.userId(), KeyUsage.USER_SIGNING, aliceUserSigning,
                        aliceMaster))), null);
        JsonObject bobsMaster = crossSigningKey(bob.userId(), KeyUsage.MASTER, bobMaster, null);
        crossSigning.upload(bob, new CrossSigningUpload(Map.of(KeyUsage.MASTER, bobsMaster)), null);
        assertThat(signatureChanges.drain()).containsExactly(
                new UserSignaturesChanged(alice.userId(), Set.of(alice.userId())));

        assertThat(crossSigning.upload(alice, new SignatureUpload(Map.of(bob.userId().toString(), Map.of(
                bobMaster.publicKeyBase64(), JsonSigning.sign(bobsMaster, alice.userId().toString(),
                        aliceUserSigning)))))).isEmpty();

        assertThat(signatureChanges.drain()).containsExactly(
                new UserSignaturesChanged(alice.userId(), Set.of(bob.userId())));
    }
}
