package io.zhihang.domain.lifecycle.crypto;

import io.zhihang.domain.protocol.UnpaddedBase64;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message's content encrypted under a key derived from a password: everything needed to open it again except the
 * password (which the server never keeps) and the associated data it was bound to (which the caller supplies again).
 *
 * <p>{@code algorithm} names the key derivation and the cipher, {@value #ARGON2ID_AES_256_GCM} for Argon2id (version
 * 0x13) with a 32-byte output used as an AES-256-GCM key. {@code ciphertext} is the GCM output with its 16-byte tag
 * appended, as the JDK's {@code Cipher} produces it. Byte arrays are copied in and out, so an instance is immutable.
 *
 * <p>The stored form ({@link #toJson()}, {@link #encode()}) is a JSON object with unpadded Base64 bytes:
 * <pre>{"algorithm":"argon2id+aes-256-gcm","ciphertext":"…","kdf":{"iterations":2,"memory_kib":19456,"parallelism":1},
 * "nonce":"…","salt":"…"}</pre>
 * Readers ignore members they do not know, so later formats may add some; a new KDF or cipher gets a new
 * {@code algorithm} name rather than changing the meaning of an old one.
 */
public record SealedContent(String algorithm, KdfParams kdf, byte[] salt, byte[] nonce, byte[] ciphertext) {
    public static final String ARGON2ID_AES_256_GCM = "argon2id+aes-256-gcm";
    /** RFC 9106's minimum salt length. */
    public static final int MIN_SALT_BYTES = 8;

    public SealedContent {
        Objects.requireNonNull(kdf, "kdf");
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("A sealed content needs an algorithm");
        }
        if (salt == null || salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("A sealed content needs a salt of at least " + MIN_SALT_BYTES + " bytes");
        }
        if (nonce == null || nonce.length == 0) {
            throw new IllegalArgumentException("A sealed content needs a nonce");
        }
        Objects.requireNonNull(ciphertext, "ciphertext");
        salt = salt.clone();
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The stored form, as a JSON object. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("algorithm", JsonString.of(algorithm))
                .put("kdf", JsonObject.builder()
                        .put("memory_kib", JsonNumber.of(kdf.memoryKib()))
                        .put("iterations", JsonNumber.of(kdf.iterations()))
                        .put("parallelism", JsonNumber.of(kdf.parallelism()))
                        .build())
                .put("salt", JsonString.of(UnpaddedBase64.encode(salt)))
                .put("nonce", JsonString.of(UnpaddedBase64.encode(nonce)))
                .put("ciphertext", JsonString.of(UnpaddedBase64.encode(ciphertext)))
                .build();
    }

    /** The stored form as canonical JSON text, for a text column. */
    public String encode() {
        return CanonicalJson.encode(toJson());
    }

    /** Reads the stored form; throws {@link IllegalArgumentException} when it is malformed. */
    public static SealedContent fromJson(JsonObject json) {
        JsonObject kdf = json.object("kdf").orElseThrow(() -> malformed("no kdf object"));
        return new SealedContent(
                json.string("algorithm").orElseThrow(() -> malformed("no algorithm")),
                new KdfParams(integer(kdf, "memory_kib"), integer(kdf, "iterations"), integer(kdf, "parallelism")),
                bytes(json, "salt"), bytes(json, "nonce"), bytes(json, "ciphertext"));
    }

    /** Reads {@link #encode()}'s text; throws {@link IllegalArgumentException} when it is malformed. */
    public static SealedContent decode(String text) {
        try {
            return fromJson(Json.parseObject(text));
        } catch (JsonException e) {
            throw malformed(e.getMessage());
        }
    }

    private static int integer(JsonObject json, String key) {
        long value = json.number(key).orElseThrow(() -> malformed("no integer " + key));
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformed(key + " out of range");
        }
        return (int) value;
    }

    private static byte[] bytes(JsonObject json, String key) {
        String text = json.string(key).orElseThrow(() -> malformed("no " + key));
        try {
            return UnpaddedBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(key + " is not Base64");
        }
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("Malformed sealed content: " + why);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedContent other && algorithm.equals(other.algorithm) && kdf.equals(other.kdf)
                && Arrays.equals(salt, other.salt) && Arrays.equals(nonce, other.nonce)
                && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, kdf, Arrays.hashCode(salt), Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    /** Names the algorithm and parameters only: the bytes are no secret, but they are noise in a log. */
    @Override
    public String toString() {
        return "SealedContent[" + algorithm + ", " + kdf + ", " + ciphertext.length + " bytes]";
    }
}
