package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;

import java.util.Collection;
import java.util.Optional;

/** Shape checks and signature bookkeeping shared by device keys, one-time keys and cross-signing keys. */
public final class SignedJson {
    private SignedJson() {
    }

    /** Whether {@code value} is an object of objects of strings ({@code signatures}: user → key id → signature). */
    public static boolean isSignatures(JsonValue value) {
        if (!(value instanceof JsonObject byUser)) {
            return false;
        }
        for (JsonValue keys : byUser.members().values()) {
            if (!(keys instanceof JsonObject k) || !isStringMap(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every member of {@code object} is a string. */
    public static boolean isStringMap(JsonObject object) {
        return object.members().values().stream().allMatch(JsonString.class::isInstance);
    }

    /** The signature {@code signatures.<user>.<keyId>}, if there is one. */
    public static Optional<String> signature(JsonObject signed, String user, String keyId) {
        return signed.object("signatures").flatMap(s -> s.object(user)).flatMap(s -> s.string(keyId));
    }

    /** The object without {@code signatures} and {@code unsigned}: what a signature covers. */
    public static JsonObject signedPart(JsonObject object) {
        return object.toBuilder().remove("signatures").remove("unsigned").build();
    }

    /** Whether two objects are the same key once signatures and {@code unsigned} are set aside. */
    public static boolean sameSignedPart(JsonObject a, JsonObject b) {
        return signedPart(a).equals(signedPart(b));
    }

    /**
     * {@code object} with the given signatures added under {@code signatures.<signer>.<key id>} (a stored
     * signature replaces one of the same signer and key id).
     */
    public static JsonObject withSignatures(JsonObject object, Collection<KeySignature> signatures) {
        if (signatures.isEmpty()) {
            return object;
        }
        JsonObject all = object.object("signatures").orElse(JsonObject.EMPTY);
        for (KeySignature s : signatures) {
            String signer = s.signer().toString();
            JsonObject mine = all.object(signer).orElse(JsonObject.EMPTY);
            all = all.with(signer, mine.with(s.signerKeyId(), new JsonString(s.signature())));
        }
        return object.with("signatures", all);
    }
}
