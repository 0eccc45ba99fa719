package io.zhihang.application.service.keys;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.in.keys.UploadCrossSigningKeysUseCase;
import io.zhihang.application.port.in.keys.UploadSignaturesUseCase;
import io.zhihang.application.port.out.keys.CrossSigningKeyStore;
import io.zhihang.application.port.out.keys.DeviceKeyStore;
import io.zhihang.application.port.out.keys.StoredDeviceKeys;
import io.zhihang.application.service.auth.UserInteractiveAuth;
import io.zhihang.application.service.devicelist.DeviceKeysChanged;
import io.zhihang.application.service.devicelist.UserSignaturesChanged;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.CrossSigningKey;
import io.zhihang.domain.keys.CrossSigningUpload;
import io.zhihang.domain.keys.KeyFailure;
import io.zhihang.domain.keys.KeySignature;
import io.zhihang.domain.keys.KeyUsage;
import io.zhihang.domain.keys.SignatureUpload;
import io.zhihang.domain.keys.SignedJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import io.zhihang.application.service.account.AccountDeactivated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-signing: a user's master, self-signing and user-signing keys ({@code /keys/device_signing/upload}) and the
 * signatures made with them or on them ({@code /keys/signatures/upload}). A user's writes run one at a time (a lock
 * on the user's row).
 */
@ApplicationScoped
public class CrossSigningService implements UploadCrossSigningKeysUseCase, UploadSignaturesUseCase {
    static final String UIA_PURPOSE = "keys/device_signing/upload";

    private final CrossSigningKeyStore crossSigning;
    private final DeviceKeyStore deviceKeys;
    private final UserInteractiveAuth uia;
    private final InstantSource clock;
    private final Event<DeviceKeysChanged> keyChanges;
    private final Event<UserSignaturesChanged> signatureChanges;

    public CrossSigningService(CrossSigningKeyStore crossSigning, DeviceKeyStore deviceKeys, UserInteractiveAuth uia,
                               InstantSource clock, Event<DeviceKeysChanged> keyChanges,
                               Event<UserSignaturesChanged> signatureChanges) {
        this.crossSigning = crossSigning;
        this.deviceKeys = deviceKeys;
        this.uia = uia;
        this.clock = clock;
        this.keyChanges = keyChanges;
        this.signatureChanges = signatureChanges;
    }

    /** A deactivated account loses its cross-signing keys and the signatures by or on them; room mates are told. */
    void onDeactivated(@Observes AccountDeactivated deactivated) {
        crossSigning.lockUser(deactivated.user());
        crossSigning.deleteAllOf(deactivated.user());
        keyChanges.fire(new DeviceKeysChanged(deactivated.user()));
    }

    /**
     * Uploading exactly the stored keys again is a no-op; setting up the first master key needs no password (spec
     * v1.11, MSC3967); replacing keys does.
     */
    @Override
    @Transactional(dontRollbackOn = UiaRequiredException.class)
    public void upload(Requester requester, CrossSigningUpload upload, UiaAuth auth) {
        UserId user = requester.userId();
        crossSigning.lockUser(user);
        Map<KeyUsage, JsonObject> stored = crossSigning.keysOf(List.of(user)).getOrDefault(user, Map.of());
        if (!upload.changes(stored)) {
            return;
        }
        if (stored.containsKey(KeyUsage.MASTER)) {
            uia.authorize(UIA_PURPOSE, user, UserInteractiveAuth.passwordFlow(), auth, clock.instant());
        }
        Optional<CrossSigningKey> storedMaster = Optional.ofNullable(stored.get(KeyUsage.MASTER))
                .map(json -> CrossSigningKey.parse(json, user, KeyUsage.MASTER));
        Map<KeyUsage, CrossSigningKey> valid = upload.validate(user, storedMaster);
        boolean deviceListChange = false;
        for (CrossSigningKey key : valid.values()) {
            Optional<CrossSigningKey> old = Optional.ofNullable(stored.get(key.usage()))
                    .map(json -> CrossSigningKey.parse(json, user, key.usage()));
            if (old.map(CrossSigningKey::keyId).filter(key.keyId()::equals).isEmpty()) {
                old.ifPresent(this::forgetSignaturesOf);
            }
            crossSigning.save(user, key.usage(), key.keyId(), key.json());
            deviceListChange |= key.usage() != KeyUsage.USER_SIGNING;
        }
        if (deviceListChange) {
            keyChanges.fire(new DeviceKeysChanged(user));
        }
        if (valid.containsKey(KeyUsage.USER_SIGNING)) {
            // Only the user's own devices learn of a new user-signing key (Synapse's signature stream).
            signatureChanges.fire(new UserSignaturesChanged(user, Set.of(user)));
        }
    }

    /** A replaced key's signatures no longer hold: those it made, and for a master key, those made on it. */
    private void forgetSignaturesOf(CrossSigningKey replaced) {
        crossSigning.deleteSignaturesBy(replaced.user(), replaced.keyId());
        if (replaced.usage() == KeyUsage.MASTER) {
            crossSigning.deleteSignaturesOn(replaced.user(), replaced.name());
        }
    }

    @Override
    @Transactional
    public Map<String, Map<String, KeyFailure>> upload(Requester requester, SignatureUpload upload) {
        UserId uploader = requester.userId();
        crossSigning.lockUser(uploader);
        List<UserId> others = upload.otherUsers(uploader);
        Set<UserId> users = new LinkedHashSet<>(others);
        users.add(uploader);
        Map<UserId, Map<KeyUsage, JsonObject>> keys = crossSigning.keysOf(users);
        List<KeySignature> stored = crossSigning.signaturesOn(users, uploader);
        Map<KeyUsage, CrossSigningKey> mine = parsed(uploader, keys.getOrDefault(uploader, Map.of()), stored, uploader);
        Map<String, JsonObject> devices = new HashMap<>();
        if (upload.keys().containsKey(uploader.toString())) {
            for (StoredDeviceKeys device : deviceKeys.deviceKeys(Map.of(uploader, Set.<DeviceId>of()))) {
                devices.put(device.device().value(), SignedJson.withSignatures(device.keys(), stored.stream()
                        .filter(s -> s.targetUser().equals(uploader) && s.targetKey().equals(device.device().value()))
                        .toList()));
            }
        }
        Map<UserId, CrossSigningKey> masters = new HashMap<>();
        for (UserId other : others) {
            CrossSigningKey master = parsed(other, keys.getOrDefault(other, Map.of()), stored, uploader)
                    .get(KeyUsage.MASTER);
            if (master != null) {
                masters.put(other, master);
            }
        }
        SignatureUpload.Outcome outcome = upload.check(uploader, new SignatureUpload.OwnKeys(devices,
                Optional.ofNullable(mine.get(KeyUsage.MASTER)), Optional.ofNullable(mine.get(KeyUsage.SELF_SIGNING)),
                Optional.ofNullable(mine.get(KeyUsage.USER_SIGNING))), masters);
        crossSigning.saveSignatures(outcome.accepted());
        announce(uploader, outcome.accepted());
        return outcome.failures();
    }

    private void announce(UserId uploader, List<KeySignature> accepted) {
        Set<UserId> signedOthers = new LinkedHashSet<>();
        boolean own = false;
        for (KeySignature s : accepted) {
            if (s.targetUser().equals(uploader)) {
                own = true;
            } else {
                signedOthers.add(s.targetUser());
            }
        }
        if (own) {
            keyChanges.fire(new DeviceKeysChanged(uploader));
        }
        if (!signedOthers.isEmpty()) {
            signatureChanges.fire(new UserSignaturesChanged(uploader, signedOthers));
        }
    }

    /** A user's stored cross-signing keys, with the signatures {@code viewer} made on them merged in. */
    private static Map<KeyUsage, CrossSigningKey> parsed(UserId user, Map<KeyUsage, JsonObject> keys,
                                                         List<KeySignature> signatures, UserId viewer) {
        Map<KeyUsage, CrossSigningKey> out = new LinkedHashMap<>();
        keys.forEach((usage, json) -> out.put(usage, CrossSigningKey.parse(
                KeyQueryService.withViewerSignatures(json, user, viewer, signatures), user, usage)));
        return out;
    }
}
