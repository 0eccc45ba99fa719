package io.zhihang.application.fakes;

import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.keys.DeviceKeyStore;
import io.zhihang.application.port.out.keys.StoredDeviceKeys;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.keys.KeyClaim;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.keys.KeyId;
import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Device keys in maps, for tests; one-time keys in upload order. Single-threaded. */
public class InMemoryDeviceKeyStore implements DeviceKeyStore {
    private record Key(UserId user, DeviceId device) {
    }

    private record Fallback(OneTimeKey key, boolean used) {
    }

    private final DeviceRepository devices;
    private final Map<Key, JsonObject> deviceKeys = new LinkedHashMap<>();
    private final Map<Key, List<OneTimeKey>> oneTimeKeys = new HashMap<>();
    private final Map<Key, Map<String, Fallback>> fallbackKeys = new HashMap<>();

    public InMemoryDeviceKeyStore(DeviceRepository devices) {
        this.devices = devices;
    }

    @Override
    public boolean lockDevice(UserId user, DeviceId device) {
        return devices.find(user, device).isPresent();
    }

    @Override
    public Optional<JsonObject> deviceKeys(UserId user, DeviceId device) {
        return Optional.ofNullable(deviceKeys.get(new Key(user, device)));
    }

    @Override
    public void saveDeviceKeys(UserId user, DeviceId device, JsonObject keys) {
        deviceKeys.put(new Key(user, device), keys);
    }

    @Override
    public List<StoredDeviceKeys> deviceKeys(Map<UserId, Set<DeviceId>> wanted) {
        List<StoredDeviceKeys> out = new ArrayList<>();
        deviceKeys.forEach((key, json) -> {
            Set<DeviceId> ids = wanted.get(key.user());
            Optional<Device> device = devices.find(key.user(), key.device());
            if (ids != null && (ids.isEmpty() || ids.contains(key.device())) && device.isPresent()) {
                out.add(new StoredDeviceKeys(key.user(), key.device(), json, device.get().displayName()));
            }
        });
        return out;
    }

    @Override
    public List<OneTimeKey> oneTimeKeys(UserId user, DeviceId device, Collection<KeyId> ids) {
        return oneTimeKeys.getOrDefault(new Key(user, device), List.of()).stream()
                .filter(k -> ids.contains(k.id())).toList();
    }

    @Override
    public void addOneTimeKeys(UserId user, DeviceId device, List<OneTimeKey> keys) {
        oneTimeKeys.computeIfAbsent(new Key(user, device), k -> new ArrayList<>()).addAll(keys);
    }

    @Override
    public Optional<OneTimeKey> fallbackKey(UserId user, DeviceId device, String algorithm) {
        return Optional.ofNullable(fallbackKeys.getOrDefault(new Key(user, device), Map.of()).get(algorithm))
                .map(Fallback::key);
    }

    @Override
    public void saveFallbackKey(UserId user, DeviceId device, OneTimeKey key) {
        fallbackKeys.computeIfAbsent(new Key(user, device), k -> new HashMap<>())
                .put(key.algorithm(), new Fallback(key, false));
    }

    @Override
    public Optional<OneTimeKey> claimOneTimeKey(KeyClaim claim) {
        List<OneTimeKey> keys = oneTimeKeys.getOrDefault(new Key(claim.user(), claim.device()), new ArrayList<>());
        Optional<OneTimeKey> oldest = keys.stream().filter(k -> k.algorithm().equals(claim.algorithm())).findFirst();
        oldest.ifPresent(keys::remove);
        return oldest;
    }

    @Override
    public Optional<OneTimeKey> claimFallbackKey(KeyClaim claim) {
        Map<String, Fallback> keys = fallbackKeys.getOrDefault(new Key(claim.user(), claim.device()), new HashMap<>());
        Fallback fallback = keys.get(claim.algorithm());
        if (fallback == null) {
            return Optional.empty();
        }
        keys.put(claim.algorithm(), new Fallback(fallback.key(), true));
        return Optional.of(fallback.key());
    }

    @Override
    public KeyCounts counts(UserId user, DeviceId device) {
        Key key = new Key(user, device);
        Map<String, Long> counts = new HashMap<>();
        oneTimeKeys.getOrDefault(key, List.of()).forEach(k -> counts.merge(k.algorithm(), 1L, Long::sum));
        List<String> unused = fallbackKeys.getOrDefault(key, Map.of()).entrySet().stream()
                .filter(e -> !e.getValue().used()).map(Map.Entry::getKey).toList();
        return new KeyCounts(counts, unused);
    }

    @Override
    public void deleteDevices(UserId user, Collection<DeviceId> gone) {
        for (DeviceId device : gone) {
            Key key = new Key(user, device);
            deviceKeys.remove(key);
            oneTimeKeys.remove(key);
            fallbackKeys.remove(key);
        }
    }
}
