package io.zhihang.domain.protocol;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * Signing JSON objects (matrix-spec, appendices "Signing JSON"): the signature covers the canonical JSON of the object
 * without {@code signatures} and {@code unsigned}, and is stored as unpadded standard Base64 under
 * {@code signatures.<entity>.<key id>}.
 */
public final class JsonSigning {
    /** The DER prefix that turns 32 raw Ed25519 public key bytes into an X.509 SubjectPublicKeyInfo (RFC 8410). */
    private static final byte[] X509_ED25519_PREFIX = {
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final String ED25519_PREFIX = "ed25519:";

    private JsonSigning() {
    }

    /**
     * Signs {@code obj} as {@code serverName} with {@code key}. Existing signatures (of this and other entities) are
     * kept; {@code unsigned} is re-attached unchanged.
     *
     * @throws JsonException if {@code signatures} is present but not an object of objects
     */
    public static JsonObject sign(JsonObject obj, String serverName, Ed25519SigningKey key) {
        String signature = UnpaddedBase64.encode(key.sign(signedBytes(obj)));
        JsonObject signatures = signaturesOf(obj);
        JsonObject mine = entitySignatures(signatures, serverName).with(key.keyId(), new JsonString(signature));
        return obj.with("signatures", signatures.with(serverName, mine));
    }

    /**
     * Whether {@code signatures.<serverName>.<keyId>} is a valid Ed25519 signature of {@code obj} by the raw 32-byte
     * public key. Any defect (no such signature, an algorithm other than ed25519, bad Base64, a malformed key) is
     * {@code false}, never an exception.
     */
    public static boolean verify(JsonObject obj, String serverName, String keyId, byte[] publicKey32) {
        if (!keyId.startsWith(ED25519_PREFIX) || publicKey32 == null || publicKey32.length != 32) {
            return false;
        }
        Optional<String> encoded = obj.object("signatures")
                .flatMap(s -> s.object(serverName))
                .flatMap(s -> s.string(keyId));
        if (encoded.isEmpty()) {
            return false;
        }
        byte[] signature;
        byte[] message;
        try {
            signature = UnpaddedBase64.decode(encoded.get());
            message = signedBytes(obj);
        } catch (IllegalArgumentException | JsonException e) {
            return false;
        }
        return verifyEd25519(publicKey32, message, signature);
    }

    /** The bytes a signature covers: canonical JSON without {@code signatures} and {@code unsigned}. */
    public static byte[] signedBytes(JsonObject obj) {
        return CanonicalJson.encodeUtf8(obj.toBuilder().remove("signatures").remove("unsigned").build());
    }

    /** Checks an Ed25519 signature with a raw 32-byte public key; {@code false} on any failure. */
    public static boolean verifyEd25519(byte[] publicKey32, byte[] message, byte[] signature) {
        if (publicKey32.length != 32 || signature.length != 64) {
            return false;
        }
        try {
            byte[] der = new byte[X509_ED25519_PREFIX.length + 32];
            System.arraycopy(X509_ED25519_PREFIX, 0, der, 0, X509_ED25519_PREFIX.length);
            System.arraycopy(publicKey32, 0, der, X509_ED25519_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static JsonObject signaturesOf(JsonObject obj) {
        Optional<JsonValue> raw = obj.get("signatures");
        if (raw.isEmpty()) {
            return JsonObject.EMPTY;
        }
        if (raw.get() instanceof JsonObject signatures) {
            return signatures;
        }
        throw new JsonException("\"signatures\" is not an object");
    }

    static JsonObject entitySignatures(JsonObject signatures, String entity) {
        Optional<JsonValue> raw = signatures.get(entity);
        if (raw.isEmpty()) {
            return JsonObject.EMPTY;
        }
        if (raw.get() instanceof JsonObject mine) {
            return mine;
        }
        throw new JsonException("\"signatures." + entity + "\" is not an object");
    }
}
