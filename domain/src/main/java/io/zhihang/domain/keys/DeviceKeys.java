package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.JsonSigning;
import io.zhihang.domain.protocol.UnpaddedBase64;
import io.zhihang.domain.protocol.json.JsonArray;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/**
 * A device's identity keys ({@code device_keys} of {@code /keys/upload}), kept exactly as uploaded, unknown fields
 * included. They must name the uploading user and device (Synapse: {@code M_BAD_JSON} otherwise), have the spec's
 * shape, and carry the device's own signature made with its {@code ed25519:<device id>} key.
 */
public record DeviceKeys(UserId user, DeviceId device, JsonObject json) {

    /**
     * Checks uploaded device keys for {@code user}'s {@code device}.
     *
     * @throws DomainException {@code M_BAD_JSON} for a wrong shape or another user or device; {@code M_INVALID_PARAM}
     *                         without a well-formed Ed25519 key of the device; {@code M_INVALID_SIGNATURE} when the
     *                         device's signature is missing or does not verify
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
        JsonObject keys = json.object("keys").filter(SignedJson::isStringMap)
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
        String keyId = "ed25519:" + device.value();
        byte[] publicKey = keys.string(keyId).flatMap(DeviceKeys::decodeKey)
                .orElseThrow(() -> DomainException.invalidParam("device_keys.keys lacks a valid " + keyId + " key"));
        if (!JsonSigning.verify(json, user.toString(), keyId, publicKey)) {
            throw new DomainException(ErrorKind.INVALID_SIGNATURE,
                    "device_keys are not signed with the device's own " + keyId + " key");
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
