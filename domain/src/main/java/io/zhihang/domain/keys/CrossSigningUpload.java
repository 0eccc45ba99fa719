package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one {@code /keys/device_signing/upload} (any of master, self-signing and user-signing), and the rules
 * they must pass (Synapse's {@code upload_signing_keys_for_user}): each is the user's and for its role; the
 * self-signing and user-signing keys are signed by the master key, the uploaded one or else the stored one; without
 * either there is nothing to check them against ({@code M_MISSING_PARAM}).
 */
public record CrossSigningUpload(Map<KeyUsage, JsonObject> keys) {
    public CrossSigningUpload {
        keys = Map.copyOf(keys);
    }

    /**
     * Whether the upload would change anything: a key that differs from the stored one (byte for byte in canonical
     * JSON), or one not stored yet. Uploading exactly the stored keys again needs no authentication (Synapse).
     */
    public boolean changes(Map<KeyUsage, JsonObject> stored) {
        return keys.entrySet().stream().anyMatch(e -> !Optional.ofNullable(stored.get(e.getKey()))
                .map(CanonicalJson::encode).equals(Optional.of(CanonicalJson.encode(e.getValue()))));
    }

    /**
     * The uploaded keys, checked.
     *
     * @param storedMaster the user's master key now, if any
     * @throws DomainException {@code M_INVALID_PARAM} for a malformed key, {@code M_MISSING_PARAM} without any master
     *                         key, {@code M_INVALID_SIGNATURE} when the master key did not sign the others
     */
    public Map<KeyUsage, CrossSigningKey> validate(UserId user, Optional<CrossSigningKey> storedMaster) {
        Map<KeyUsage, CrossSigningKey> valid = new EnumMap<>(KeyUsage.class);
        JsonObject uploadedMaster = keys.get(KeyUsage.MASTER);
        CrossSigningKey master;
        if (uploadedMaster != null) {
            master = CrossSigningKey.parse(uploadedMaster, user, KeyUsage.MASTER);
            valid.put(KeyUsage.MASTER, master);
        } else {
            master = storedMaster.orElseThrow(() -> DomainException.missingParam("No master key available"));
        }
        for (KeyUsage usage : new KeyUsage[]{KeyUsage.SELF_SIGNING, KeyUsage.USER_SIGNING}) {
            JsonObject json = keys.get(usage);
            if (json != null) {
                CrossSigningKey key = CrossSigningKey.parse(json, user, usage);
                if (!master.signed(json)) {
                    throw new DomainException(ErrorKind.INVALID_SIGNATURE,
                            "Invalid signature on " + usage.usage() + " key");
                }
                valid.put(usage, key);
            }
        }
        return valid;
    }
}
