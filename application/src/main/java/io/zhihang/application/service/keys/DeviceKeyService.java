package io.zhihang.application.service.keys;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.keys.ClaimKeysUseCase;
import io.zhihang.application.port.in.keys.ClaimedKeys;
import io.zhihang.application.port.in.keys.KeyUpload;
import io.zhihang.application.port.in.keys.UploadKeysUseCase;
import io.zhihang.application.port.out.keys.CrossSigningKeyStore;
import io.zhihang.application.port.out.keys.DeviceKeyStore;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.application.service.devicelist.DeviceKeysChanged;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.DeviceKeys;
import io.zhihang.domain.keys.KeyClaim;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.keys.KeyId;
import io.zhihang.domain.keys.OneTimeKey;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A device's keys: uploading them, handing out one-time keys, and forgetting them with the device. */
@ApplicationScoped
public class DeviceKeyService implements UploadKeysUseCase, ClaimKeysUseCase {
    private final DeviceKeyStore keys;
    private final CrossSigningKeyStore crossSigning;
    private final HomeserverSettings settings;
    private final Event<DeviceKeysChanged> keyChanges;
    private final KeyCountCache counts;

    public DeviceKeyService(DeviceKeyStore keys, CrossSigningKeyStore crossSigning, HomeserverSettings settings,
                            Event<DeviceKeysChanged> keyChanges, KeyCountCache counts) {
        this.counts = counts;
        this.keys = keys;
        this.crossSigning = crossSigning;
        this.settings = settings;
        this.keyChanges = keyChanges;
    }

    @Override
    @Transactional
    public KeyCounts upload(Requester requester, KeyUpload upload) {
        if (upload.pathDevice() != null && !upload.pathDevice().equals(requester.deviceId())) {
            throw DomainException.forbidden("You may only upload keys for the device you are logged in with");
        }
        return uploadFor(requester.userId(), requester.deviceId(), upload);
    }

    @Override
    @Transactional
    public KeyCounts uploadFor(UserId user, DeviceId device, KeyUpload upload) {
        DeviceKeys deviceKeys = upload.deviceKeys() == null ? null
                : DeviceKeys.parse(upload.deviceKeys(), user, device);
        if (!keys.lockDevice(user, device)) {
            throw DomainException.notFound("Unknown device");
        }
        counts.changed(user, device);
        if (deviceKeys != null) {
            saveDeviceKeys(deviceKeys);
        }
        addOneTimeKeys(user, device, upload.oneTimeKeys());
        for (OneTimeKey fallback : lastPerAlgorithm(upload.fallbackKeys())) {
            Optional<OneTimeKey> stored = keys.fallbackKey(user, device, fallback.algorithm());
            if (stored.filter(s -> s.id().equals(fallback.id()) && canonical(s.value()).equals(
                    canonical(fallback.value()))).isEmpty()) {
                keys.saveFallbackKey(user, device, fallback); // the same key again stays "used"
            }
        }
        return keys.counts(user, device);
    }

    private void saveDeviceKeys(DeviceKeys deviceKeys) {
        Optional<JsonObject> stored = keys.deviceKeys(deviceKeys.user(), deviceKeys.device());
        if (stored.map(DeviceKeyService::canonical).equals(Optional.of(canonical(deviceKeys.json())))) {
            return;
        }
        keys.saveDeviceKeys(deviceKeys.user(), deviceKeys.device(), deviceKeys.json());
        keyChanges.fire(new DeviceKeysChanged(deviceKeys.user()));
    }

    /** New keys are added; a key id already held must come with the same key (Synapse answers 400 otherwise). */
    private void addOneTimeKeys(UserId user, DeviceId device, List<OneTimeKey> uploaded) {
        if (uploaded.isEmpty()) {
            return;
        }
        Map<KeyId, OneTimeKey> held = keys.oneTimeKeys(user, device,
                        uploaded.stream().map(OneTimeKey::id).toList()).stream()
                .collect(Collectors.toMap(OneTimeKey::id, Function.identity()));
        Map<KeyId, OneTimeKey> fresh = new TreeMap<>(Comparator.comparing(KeyId::toString));
        for (OneTimeKey key : uploaded) {
            OneTimeKey old = held.get(key.id());
            if (old == null) {
                fresh.put(key.id(), key);
            } else if (!old.sameKeyAs(key)) {
                throw new DomainException(ErrorKind.UNKNOWN, "One time key " + key.id() + " already exists. Old key: "
                        + canonical(old.value()) + "; new key: " + canonical(key.value()));
            }
        }
        keys.addOneTimeKeys(user, device, List.copyOf(fresh.values()));
    }

    /** The spec allows one fallback key per algorithm; of several, the last one counts (as in Synapse). */
    private static List<OneTimeKey> lastPerAlgorithm(List<OneTimeKey> fallbackKeys) {
        Map<String, OneTimeKey> last = new LinkedHashMap<>();
        fallbackKeys.forEach(k -> last.put(k.algorithm(), k));
        return List.copyOf(last.values());
    }

    @Override
    @Transactional
    public ClaimedKeys claim(Requester requester, List<KeyClaim> claims) {
        Map<String, Map<String, Map<String, JsonValue>>> claimed = new LinkedHashMap<>();
        Map<String, JsonObject> failures = new TreeMap<>();
        for (KeyClaim claim : claims.stream().sorted(KeyClaim.ORDER).toList()) {
            if (!claim.user().isLocalTo(settings.serverName())) {
                failures.put(claim.user().server().value(), RemoteKeys.UNREACHABLE);
                continue;
            }
            keys.claimOneTimeKey(claim).or(() -> keys.claimFallbackKey(claim)).ifPresent(key -> {
                counts.changed(claim.user(), claim.device());
                claimed.computeIfAbsent(claim.user().toString(), u -> new LinkedHashMap<>())
                        .computeIfAbsent(claim.device().value(), d -> new LinkedHashMap<>())
                        .put(key.id().toString(), key.value());
            });
        }
        return new ClaimedKeys(claimed, failures);
    }

    /** A deleted device's keys go with it, and so do the signatures on its keys and made with them. */
    void onDevicesChanged(@Observes DevicesChanged change) {
        if (change.removed().isEmpty()) {
            return;
        }
        keys.deleteDevices(change.user(), change.removed());
        for (DeviceId device : change.removed()) {
            counts.changed(change.user(), device);
            crossSigning.deleteSignaturesOn(change.user(), device.value());
            crossSigning.deleteSignaturesBy(change.user(), "ed25519:" + device.value());
        }
    }

    private static String canonical(JsonValue value) {
        return CanonicalJson.encode(value);
    }
}
