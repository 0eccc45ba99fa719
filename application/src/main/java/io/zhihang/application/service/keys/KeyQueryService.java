package io.zhihang.application.service.keys;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.keys.KeyQueries;
import io.zhihang.application.port.in.keys.KeyQueryResult;
import io.zhihang.application.port.out.keys.CrossSigningKeyStore;
import io.zhihang.application.port.out.keys.DeviceKeyStore;
import io.zhihang.application.port.out.keys.StoredDeviceKeys;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.keys.KeySignature;
import io.zhihang.domain.keys.SignedJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads keys for {@code /keys/query} in a fixed number of reads, whatever the number of users: device keys, cross-
 * signing keys, and the signatures stored apart from them. Any logged-in user may query anyone's keys (the spec and
 * Synapse's default). Signatures merged in: on devices, those of their owner (self-signing); on cross-signing keys,
 * those of the requester (Synapse's rule); user-signing keys only for the requester themself.
 */
@ApplicationScoped
public class KeyQueryService implements KeyQueries {
    private final DeviceKeyStore keys;
    private final CrossSigningKeyStore crossSigning;
    private final HomeserverSettings settings;
    private final KeyCountCache countCache;

    public KeyQueryService(DeviceKeyStore keys, CrossSigningKeyStore crossSigning, HomeserverSettings settings,
                           KeyCountCache countCache) {
        this.countCache = countCache;
        this.keys = keys;
        this.crossSigning = crossSigning;
        this.settings = settings;
    }

    @Override
    @Transactional
    public KeyQueryResult query(Requester requester, Map<String, List<String>> devices) {
        Set<UserId> asked = new LinkedHashSet<>();
        Map<UserId, Set<DeviceId>> wanted = new LinkedHashMap<>();
        Map<String, JsonObject> failures = new TreeMap<>();
        devices.forEach((user, deviceIds) -> {
            UserId userId = parseOrNull(user);
            if (userId == null) {
                return; // ignored, as if the user had no keys (Synapse)
            }
            if (!userId.isLocalTo(settings.serverName())) {
                failures.put(userId.server().value(), RemoteKeys.UNREACHABLE);
                return;
            }
            asked.add(userId);
            Set<DeviceId> ids = new LinkedHashSet<>();
            for (String device : deviceIds) {
                if (!device.isBlank() && device.length() <= DeviceId.MAX_LENGTH) {
                    ids.add(new DeviceId(device)); // a device that cannot exist is simply not found
                }
            }
            if (deviceIds.isEmpty() || !ids.isEmpty()) {
                wanted.merge(userId, ids, (a, b) -> a.isEmpty() || b.isEmpty() ? Set.of() : union(a, b));
            }
        });
        Map<String, Map<String, JsonObject>> deviceKeys = new LinkedHashMap<>();
        asked.forEach(u -> deviceKeys.put(u.toString(), new TreeMap<>()));
        if (asked.isEmpty()) {
            return new KeyQueryResult(deviceKeys, failures, Map.of(), Map.of(), Map.of());
        }
        Map<SignedKey, List<KeySignature>> signatures = byTarget(crossSigning.signaturesOn(asked, requester.userId()));
        for (StoredDeviceKeys stored : keys.deviceKeys(wanted)) {
            List<KeySignature> own = signedBy(signatures.get(new SignedKey(stored.user(), stored.device().value())),
                    stored.user());
            JsonObject unsigned = stored.displayName() == null ? JsonObject.EMPTY
                    : JsonObject.builder().put("device_display_name", stored.displayName()).build();
            deviceKeys.get(stored.user().toString()).put(stored.device().value(),
                    SignedJson.withSignatures(stored.keys(), own).with("unsigned", unsigned));
        }
        Map<String, JsonObject> master = new TreeMap<>();
        Map<String, JsonObject> selfSigning = new TreeMap<>();
        Map<String, JsonObject> userSigning = new TreeMap<>();
        crossSigning.keysOf(asked).forEach((user, byUsage) -> byUsage.forEach((usage, key) -> {
            JsonObject merged = withViewerSignatures(key, user, requester.userId(), signatures);
            switch (usage) {
                case MASTER -> master.put(user.toString(), merged);
                case SELF_SIGNING -> selfSigning.put(user.toString(), merged);
                case USER_SIGNING -> {
                    if (user.equals(requester.userId())) {
                        userSigning.put(user.toString(), merged);
                    }
                }
            }
        }));
        return new KeyQueryResult(deviceKeys, failures, master, selfSigning, userSigning);
    }

    /** A cross-signing key with the signatures the viewer made on it. */
    static JsonObject withViewerSignatures(JsonObject key, UserId owner, UserId viewer, List<KeySignature> all) {
        return withViewerSignatures(key, owner, viewer, byTarget(all));
    }

    private static JsonObject withViewerSignatures(JsonObject key, UserId owner, UserId viewer,
                                                   Map<SignedKey, List<KeySignature>> signatures) {
        return SignedJson.withSignatures(key, signedBy(signatures.get(new SignedKey(owner, publicKeyName(key))), viewer));
    }

    /** A signed key: a device id, or the public key of a cross-signing key, of a user. */
    record SignedKey(UserId user, String key) {
    }

    /** The signatures by the key they sign, so that each key finds its own without going through all. */
    private static Map<SignedKey, List<KeySignature>> byTarget(List<KeySignature> signatures) {
        Map<SignedKey, List<KeySignature>> out = new HashMap<>();
        for (KeySignature s : signatures) {
            out.computeIfAbsent(new SignedKey(s.targetUser(), s.targetKey()), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** Those of the signatures on one key made by {@code signer}. */
    private static List<KeySignature> signedBy(List<KeySignature> onKey, UserId signer) {
        if (onKey == null) {
            return List.of();
        }
        List<KeySignature> out = new ArrayList<>(onKey.size());
        for (KeySignature s : onKey) {
            if (s.signer().equals(signer)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The stored key's public key (its key id without {@code ed25519:}); stored keys passed the checks. */
    private static String publicKeyName(JsonObject key) {
        String keyId = key.object("keys").orElseThrow().members().keySet().iterator().next();
        return keyId.substring(keyId.indexOf(':') + 1);
    }

    @Override
    @Transactional
    public KeyCounts counts(UserId user, DeviceId device) {
        return countCache.get(user, device, () -> keys.counts(user, device));
    }

    private static Set<DeviceId> union(Set<DeviceId> a, Set<DeviceId> b) {
        Set<DeviceId> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static UserId parseOrNull(String user) {
        try {
            return UserId.parse(user);
        } catch (DomainException e) {
            return null;
        }
    }
}
