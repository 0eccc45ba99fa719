package io.zhihang.server.api;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.JsonSigning;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.security.SecureRandom;
import java.util.Map;

import static io.zhihang.server.api.Matrix.V3;
import static io.zhihang.server.api.Matrix.as;

/** Real Ed25519 keys and signed key objects for the key API tests, built as clients build them. */
final class Keys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** A device's signing key: key id {@code ed25519:<device id>}. */
    static Ed25519SigningKey deviceKey(Matrix.Session session) {
        return Ed25519SigningKey.generate(session.deviceId(), RANDOM);
    }

    /** A cross-signing key: key id {@code ed25519:<public key>}. */
    static Ed25519SigningKey crossSigningKey() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return Ed25519SigningKey.fromSeed(Ed25519SigningKey.fromSeed("x", seed).publicKeyBase64(), seed);
    }

    static JsonObject deviceKeys(Matrix.Session session, Ed25519SigningKey key) {
        return sign(JsonObject.builder()
                .put("user_id", session.userId())
                .put("device_id", session.deviceId())
                .put("algorithms", JsonArray.of(JsonString.of("m.olm.v1.curve25519-aes-sha2"),
                        JsonString.of("m.megolm.v1.aes-sha2")))
                .put("keys", JsonObject.builder()
                        .put("curve25519:" + session.deviceId(), "curve-" + session.deviceId())
                        .put("ed25519:" + session.deviceId(), key.publicKeyBase64()).build())
                .build(), session.userId(), key);
    }

    /** A signed one-time key ({@code signed_curve25519}); {@code fallback} marks a fallback key. */
    static JsonObject signedKey(Matrix.Session session, Ed25519SigningKey key, String publicKey, boolean fallback) {
        JsonObject.Builder json = JsonObject.builder().put("key", publicKey);
        if (fallback) {
            json.put("fallback", JsonBool.TRUE);
        }
        return sign(json.build(), session.userId(), key);
    }

    static JsonObject crossSigning(String userId, KeyUsage usage, Ed25519SigningKey key, Ed25519SigningKey signer) {
        JsonObject json = JsonObject.builder()
                .put("user_id", userId)
                .put("usage", JsonArray.of(JsonString.of(usage.usage())))
                .put("keys", JsonObject.builder().put(key.keyId(), key.publicKeyBase64()).build())
                .build();
        return signer == null ? json : sign(json, userId, signer);
    }

    static JsonObject sign(JsonObject json, String signer, Ed25519SigningKey key) {
        return JsonSigning.sign(json, signer, key);
    }

    static JsonObject object(Object... members) {
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < members.length; i += 2) {
            Object value = members[i + 1];
            b.put((String) members[i], value instanceof String s ? JsonString.of(s)
                    : (JsonValue) value);
        }
        return b.build();
    }

    static ValidatableResponse post(Matrix.Session session, String path, JsonObject body) {
        return as(session).body(CanonicalJson.encode(body)).post(V3 + path).then().log().ifValidationFails();
    }

    static Map<String, Object> upload(Matrix.Session session, JsonObject body) {
        return post(session, "/keys/upload", body).statusCode(200).extract().as(Syncs.MAP);
    }

    static Map<String, Object> query(Matrix.Session session, String... users) {
        JsonObject.Builder wanted = JsonObject.builder();
        for (String user : users) {
            wanted.put(user, JsonArray.EMPTY);
        }
        return post(session, "/keys/query", object("device_keys", wanted.build())).statusCode(200)
                .extract().as(Syncs.MAP);
    }

    /** A JSON object as plain maps, to compare with what RestAssured reads back. */
    static Map<String, Object> asMap(JsonObject json) {
        return JsonPath.from(CanonicalJson.encode(json)).getMap("");
    }
}
