package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.JsonSigning;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.UserId;

import java.security.SecureRandom;

/** Real Ed25519 keys and signed key objects, built the way clients build them. */
final class KeyFixtures {
    static final UserId ALICE = UserId.parse("@alice:example.org");
    static final UserId BOB = UserId.parse("@bob:example.org");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFixtures() {
    }

    /** A device's signing key: its key id is {@code ed25519:<device id>}. */
    static Ed25519SigningKey deviceSigningKey(String deviceId) {
        return Ed25519SigningKey.generate(deviceId, RANDOM);
    }

    /** A cross-signing key: its key id is {@code ed25519:<public key>}. */
    static Ed25519SigningKey crossSigningKey() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return Ed25519SigningKey.fromSeed(Ed25519SigningKey.fromSeed("x", seed).publicKeyBase64(), seed);
    }

    static JsonObject deviceKeys(UserId user, String deviceId, Ed25519SigningKey key) {
        JsonObject unsigned = JsonObject.builder()
                .put("user_id", user.toString())
                .put("device_id", deviceId)
                .put("algorithms", JsonArray.of(JsonString.of("m.olm.v1.curve25519-aes-sha2"),
                        JsonString.of("m.megolm.v1.aes-sha2")))
                .put("keys", JsonObject.builder()
                        .put("curve25519:" + deviceId, "curve25519+" + deviceId)
                        .put("ed25519:" + deviceId, key.publicKeyBase64()).build())
                .build();
        return JsonSigning.sign(unsigned, user.toString(), key);
    }

    static JsonObject crossSigning(UserId user, KeyUsage usage, Ed25519SigningKey key, Ed25519SigningKey signer) {
        JsonObject json = JsonObject.builder()
                .put("user_id", user.toString())
                .put("usage", JsonArray.of(JsonString.of(usage.usage())))
                .put("keys", JsonObject.builder().put(key.keyId(), key.publicKeyBase64()).build())
                .build();
        return signer == null ? json : JsonSigning.sign(json, user.toString(), signer);
    }

    static JsonObject sign(JsonObject json, UserId signer, Ed25519SigningKey key) {
        return JsonSigning.sign(json, signer.toString(), key);
    }
}
