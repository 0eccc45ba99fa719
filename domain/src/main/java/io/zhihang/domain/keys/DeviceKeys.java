package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.UnpaddedBase64;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/**
 * A device's identity keys ({@code device_keys} of {@code /keys/upload}), kept exactly as uploaded, unknown fields
 * included. They must have the spec's shape and name the uploading user and device ({@code M_BAD_JSON} otherwise),
 * and that is all Synapse checks: which keys they hold and whether their signatures verify is for the clients that
 * read them to judge.
 */
public record DeviceKeys(UserId user, DeviceId device, JsonObject json) {

    /**
     * Checks uploaded device keys for {@code user}'s {@code device}.
     *
     * @throws DomainException {@code M_BAD_JSON} for a wrong shape or another user or device
     */
    public static DeviceKeys parse(JsonObject json, UserId user, DeviceId device) {
        String userId = json.string("user_id")
                .orElseThrow(() -> DomainException.badJson("device_keys.user_id must be a string"));
        String deviceId = json.string("device_id")
                .orElseThrow(() -> DomainException.badJson("device_keys.device_id must be a string"));
        if (!(json.get("algorithms").orElse(null) instanceof JsonArray algorithms)
                || !algorithms.items().stream().allMatch(JsonString.class::isInstance)) {
            throw DomainException.badJson("device_keys.algorithms must be a list of strings");
        }
        json.object("keys").filter(SignedJson::isStringMap)
                .orElseThrow(() -> DomainException.badJson("device_keys.keys must be an object of strings"));
        JsonValue signatures = json.get("signatures").orElse(null);
        if (signatures == null || !SignedJson.isSignatures(signatures)) {
            throw DomainException.badJson("device_keys.signatures must map user ids to objects of strings");
        }
        if (!userId.equals(user.toString())) {
            throw DomainException.badJson("Provided `user_id` in `device_keys` does not match that of the authenticated user");
        }
        if (!deviceId.equals(device.value())) {
            throw DomainException.badJson(
                    "Provided `device_id` in `device_keys` does not match that of the authenticated user device");
        }
        return new DeviceKeys(user, device, json);
    }

    /** A 32-byte Ed25519 public key in unpadded Base64, or empty. */
    static Optional<byte[]> decodeKey(String base64) {
        try {
            byte[] key = UnpaddedBase64.decode(base64);
            return key.length == 32 ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
