package io.zhihang.application.port.out.keys;

import io.zhihang.domain.keys.KeySignature;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Local users' cross-signing keys, and the signatures uploaded apart from the keys they sign. */
public interface CrossSigningKeyStore {
    /** Holds the user's row until commit: one writer of a user's cross-signing keys and signatures at a time. */
    void lockUser(UserId user);

    /** The users' cross-signing keys as uploaded (users without any are absent). */
    Map<UserId, Map<KeyUsage, JsonObject>> keysOf(Collection<UserId> users);

    /** Inserts or replaces the user's key of that usage. */
    void save(UserId user, KeyUsage usage, String keyId, JsonObject key);

    /** The signatures on the targets' keys and devices made by the targets themselves or by {@code viewer}. */
    List<KeySignature> signaturesOn(Collection<UserId> targets, UserId viewer);

    /** Stores signatures; one of the same signer, signing key and target replaces the old one. */
    void saveSignatures(Collection<KeySignature> signatures);

    /** Forgets the signatures made with a key (it was replaced or its device is gone). */
    void deleteSignaturesBy(UserId signer, String signerKeyId);

    /** Forgets the signatures on a device or key (it was replaced or deleted). */
    void deleteSignaturesOn(UserId target, String targetKey);

    /** Deletes the user's cross-signing keys, the signatures on them and those they made. */
    void deleteAllOf(UserId user);
}
