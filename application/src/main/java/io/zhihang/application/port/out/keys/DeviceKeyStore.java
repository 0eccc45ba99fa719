package io.zhihang.application.port.out.keys;

import io.zhihang.domain.keys.KeyClaim;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.keys.KeyId;
import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The keys of local devices: identity keys, one-time keys and fallback keys. */
public interface DeviceKeyStore {
    /**
     * Holds the device's row until commit, so that the uploads of one device run one at a time (a retried upload
     * finds the keys of the first). False if the device does not exist (any more).
     */
    boolean lockDevice(UserId user, DeviceId device);

    Optional<JsonObject> deviceKeys(UserId user, DeviceId device);

    /** Inserts or replaces the device's identity keys. */
    void saveDeviceKeys(UserId user, DeviceId device, JsonObject keys);

    /**
     * The identity keys of existing devices, with their display names, in one read: for each user the devices named,
     * or all of them when the set is empty.
     */
    List<StoredDeviceKeys> deviceKeys(Map<UserId, Set<DeviceId>> devices);

    /** Those of {@code ids} the device holds as unclaimed one-time keys. */
    List<OneTimeKey> oneTimeKeys(UserId user, DeviceId device, Collection<KeyId> ids);

    /** Adds one-time keys none of which the device holds; they are handed out in the order added. */
    void addOneTimeKeys(UserId user, DeviceId device, List<OneTimeKey> keys);

    Optional<OneTimeKey> fallbackKey(UserId user, DeviceId device, String algorithm);

    /** Inserts or replaces the device's fallback key of the key's algorithm, as not yet used. */
    void saveFallbackKey(UserId user, DeviceId device, OneTimeKey key);

    /**
     * Takes the device's oldest one-time key of the claim's algorithm. Each key is handed out once only, also to
     * claims running at the same time on other connections or server instances.
     */
    Optional<OneTimeKey> claimOneTimeKey(KeyClaim claim);

    /** The device's fallback key of the claim's algorithm, marked used; it stays until replaced. */
    Optional<OneTimeKey> claimFallbackKey(KeyClaim claim);

    /** What the device has left, in one read (sync asks on every response). */
    KeyCounts counts(UserId user, DeviceId device);

    /** Forgets every key of these devices. */
    void deleteDevices(UserId user, Collection<DeviceId> devices);
}
