package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.JsonSigning;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.util.Map;

/**
 * One of a user's cross-signing keys, kept exactly as uploaded: {@code user_id}, {@code usage} (which must name the
 * key's role), {@code keys} with exactly one {@code ed25519:<public key>} entry, and {@code signatures}. The part of
 * the key id after {@code ed25519:} names the key where a device id would stand ({@link #name()}), e.g. as the
 * target of signatures.
 */
public record CrossSigningKey(UserId user, KeyUsage usage, String keyId, String publicKey, JsonObject json) {
    private static final String ED25519 = "ed25519:";

    /**
     * Checks an uploaded (or stored) key of {@code user} for the role {@code usage}.
     *
     * @throws DomainException {@code M_INVALID_PARAM} ("Invalid master key" …) if it is not {@code user}'s, not for
     *                         that role, or has no single well-formed Ed25519 key
     */
    public static CrossSigningKey parse(JsonObject json, UserId user, KeyUsage usage) {
        DomainException invalid = DomainException.invalidParam("Invalid " + usage.usage() + " key");
        if (!json.string("user_id").map(user.toString()::equals).orElse(false)) {
            throw invalid;
        }
        JsonArray usages = json.array("usage").orElseThrow(() -> invalid);
        if (!usages.items().contains(new JsonString(usage.usage()))) {
            throw invalid;
        }
        JsonObject keys = json.object("keys").orElseThrow(() -> invalid);
        if (keys.size() != 1) {
            throw invalid;
        }
        Map.Entry<String, JsonValue> key = keys.members().entrySet().iterator().next();
        if (!key.getKey().startsWith(ED25519) || key.getKey().length() == ED25519.length()
                || !(key.getValue() instanceof JsonString publicKey)
                || DeviceKeys.decodeKey(publicKey.value()).isEmpty()) {
            throw invalid;
        }
        if (json.has("signatures") && !SignedJson.isSignatures(json.get("signatures").get())) {
            throw invalid;
        }
        return new CrossSigningKey(user, usage, key.getKey(), publicKey.value(), json);
    }

    /** The key id without {@code ed25519:}: what signatures of this key name as their target. */
    public String name() {
        return keyId.substring(ED25519.length());
    }

    /** Whether {@code signed} carries a valid signature of this key, made as this key's user. */
    public boolean signed(JsonObject signed) {
        return JsonSigning.verify(signed, user.toString(), keyId, DeviceKeys.decodeKey(publicKey).orElseThrow());
    }
}
