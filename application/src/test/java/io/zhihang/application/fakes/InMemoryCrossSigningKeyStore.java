package io.zhihang.application.fakes;

import io.zhihang.application.port.out.keys.CrossSigningKeyStore;
import io.zhihang.domain.keys.KeySignature;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cross-signing keys and signatures in maps, for tests. Single-threaded. */
public class InMemoryCrossSigningKeyStore implements CrossSigningKeyStore {
    private final Map<UserId, Map<KeyUsage, JsonObject>> keys = new HashMap<>();
    private final List<KeySignature> signatures = new ArrayList<>();

    @Override
    public void lockUser(UserId user) {
        // one thread: nothing to wait for
    }

    @Override
    public Map<UserId, Map<KeyUsage, JsonObject>> keysOf(Collection<UserId> users) {
        Map<UserId, Map<KeyUsage, JsonObject>> out = new LinkedHashMap<>();
        users.forEach(u -> {
            if (keys.containsKey(u)) {
                out.put(u, Map.copyOf(keys.get(u)));
            }
        });
        return out;
    }

    @Override
    public void save(UserId user, KeyUsage usage, String keyId, JsonObject key) {
        keys.computeIfAbsent(user, u -> new EnumMap<>(KeyUsage.class)).put(usage, key);
    }

    @Override
    public List<KeySignature> signaturesOn(Collection<UserId> targets, UserId viewer) {
        return signatures.stream().filter(s -> targets.contains(s.targetUser())
                && (s.signer().equals(s.targetUser()) || s.signer().equals(viewer))).toList();
    }

    @Override
    public void saveSignatures(Collection<KeySignature> added) {
        for (KeySignature s : added) {
            signatures.removeIf(old -> old.signer().equals(s.signer()) && old.signerKeyId().equals(s.signerKeyId())
                    && old.targetUser().equals(s.targetUser()) && old.targetKey().equals(s.targetKey()));
            signatures.add(s);
        }
    }

    @Override
    public void deleteSignaturesBy(UserId signer, String signerKeyId) {
        signatures.removeIf(s -> s.signer().equals(signer) && s.signerKeyId().equals(signerKeyId));
    }

    @Override
    public void deleteSignaturesOn(UserId target, String targetKey) {
        signatures.removeIf(s -> s.targetUser().equals(target) && s.targetKey().equals(targetKey));
    }

    /** Every stored signature, for assertions. */
    public List<KeySignature> signatures() {
        return List.copyOf(signatures);
    }

    @Override
    public void deleteAllOf(UserId user) {
        keys.remove(user);
        signatures.removeIf(s -> s.signer().equals(user) || s.targetUser().equals(user));
    }
}
