package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.JsonSigning;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@code /keys/signatures/upload} (Synapse's {@code upload_signatures_for_device_keys}). The body maps
 * user ids to key names (a device id, or a cross-signing key's public key) to the signed key. Three kinds of
 * signature are accepted:
 * <ul>
 *   <li>the uploader's own device, signed by their self-signing key;</li>
 *   <li>the uploader's own master key, signed by one of their devices;</li>
 *   <li>another user's master key, signed by the uploader's user-signing key.</li>
 * </ul>
 * The signed key must be the stored key (signatures and {@code unsigned} aside) and the signature must verify. Each
 * refused key is a failure of its own; the rest are stored.
 */
public record SignatureUpload(Map<String, Map<String, JsonObject>> keys) {

    /** What the checks need of the uploader's keys; signatures already stored are merged in. */
    public record OwnKeys(Map<String, JsonObject> devices, Optional<CrossSigningKey> master,
                          Optional<CrossSigningKey> selfSigning, Optional<CrossSigningKey> userSigning) {
        public OwnKeys {
            devices = Map.copyOf(devices);
        }
    }

    /** The signatures to store, and the failures by user id and key name. */
    public record Outcome(List<KeySignature> accepted, Map<String, Map<String, KeyFailure>> failures) {
    }

    public SignatureUpload {
        Map<String, Map<String, JsonObject>> copy = new LinkedHashMap<>();
        keys.forEach((user, byKey) -> copy.put(user, Collections.unmodifiableMap(new LinkedHashMap<>(byKey))));
        keys = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the request body.
     *
     * @throws DomainException {@code M_INVALID_PARAM} when a user's entry or a signed key is not an object (Synapse)
     */
    public static SignatureUpload parse(JsonObject body) {
        Map<String, Map<String, JsonObject>> keys = new LinkedHashMap<>();
        body.members().forEach((user, entry) -> {
            if (!(entry instanceof JsonObject byKey)) {
                throw DomainException.invalidParam("Invalid parameter: " + user + " must map key names to keys");
            }
            Map<String, JsonObject> signed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> key : byKey.members().entrySet()) {
                if (!(key.getValue() instanceof JsonObject o)) {
                    throw DomainException.invalidParam("Invalid parameter: a signed key must be an object");
                }
                signed.put(key.getKey(), o);
            }
            keys.put(user, signed);
        });
        return new SignatureUpload(keys);
    }

    /** The user ids whose master keys the uploader signs (every user but the uploader that parses). */
    public List<UserId> otherUsers(UserId uploader) {
        List<UserId> users = new ArrayList<>();
        for (String user : keys.keySet()) {
            if (!user.equals(uploader.toString())) {
                try {
                    users.add(UserId.parse(user));
                } catch (DomainException e) {
                    // refused as a failure by check()
                }
            }
        }
        return users;
    }

    /**
     * @param masters other users' master keys, with the signatures the uploader made already merged in
     */
    public Outcome check(UserId uploader, OwnKeys own, Map<UserId, CrossSigningKey> masters) {
        List<KeySignature> accepted = new ArrayList<>();
        Map<String, Map<String, KeyFailure>> failures = new LinkedHashMap<>();
        keys.forEach((user, byKey) -> {
            if (user.equals(uploader.toString())) {
                byKey.forEach((name, signed) -> {
                    try {
                        accepted.addAll(ownSignature(uploader, own, name, signed));
                    } catch (DomainException e) {
                        failures.computeIfAbsent(user, u -> new LinkedHashMap<>()).put(name, KeyFailure.of(e));
                    }
                });
            } else {
                otherSignature(uploader, own, user, byKey, masters, accepted, failures);
            }
        });
        return new Outcome(List.copyOf(accepted), failures);
    }

    private static List<KeySignature> ownSignature(UserId uploader, OwnKeys own, String name, JsonObject signed) {
        JsonObject mine = signaturesBy(signed, uploader).orElseThrow(SignatureUpload::invalidSignature);
        Optional<CrossSigningKey> master = own.master().filter(m -> m.name().equals(name));
        if (master.isPresent()) {
            return masterSignedByDevices(uploader, own, master.get(), signed, mine);
        }
        CrossSigningKey selfSigning = own.selfSigning()
                .orElseThrow(() -> DomainException.notFound("No self_signing key found for " + uploader));
        String signature = mine.string(selfSigning.keyId()).orElseThrow(SignatureUpload::invalidSignature);
        JsonObject stored = own.devices().get(name);
        if (stored == null) {
            throw DomainException.notFound("Unknown device");
        }
        if (SignedJson.signature(stored, uploader.toString(), selfSigning.keyId()).isPresent()) {
            return List.of(); // signed already: the same key signs the same bytes the same way
        }
        ensureSameKey(signed, stored);
        if (!selfSigning.signed(signed)) {
            throw invalidSignature();
        }
        return List.of(new KeySignature(uploader, selfSigning.keyId(), uploader, name, signature));
    }

    /** Every signature of the uploader on their master key must come from one of their devices, and verify. */
    private static List<KeySignature> masterSignedByDevices(UserId uploader, OwnKeys own, CrossSigningKey master,
                                                            JsonObject signed, JsonObject mine) {
        ensureSameKey(signed, master.json());
        List<KeySignature> out = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : mine.members().entrySet()) {
            String keyId = entry.getKey();
            String signature = ((JsonString) entry.getValue()).value();
            if (keyId.equals(master.keyId())
                    || SignedJson.signature(master.json(), uploader.toString(), keyId).filter(signature::equals)
                    .isPresent()) {
                continue; // the master key's own signature, or one stored already
            }
            int colon = keyId.indexOf(':');
            JsonObject device = colon < 0 ? null : own.devices().get(keyId.substring(colon + 1));
            byte[] publicKey = device == null ? null : device.object("keys").flatMap(k -> k.string(keyId))
                    .flatMap(DeviceKeys::decodeKey).orElse(null);
            if (publicKey == null || !JsonSigning.verify(signed, uploader.toString(), keyId, publicKey)) {
                throw invalidSignature();
            }
            out.add(new KeySignature(uploader, keyId, uploader, master.name(), signature));
        }
        return out;
    }

    private static void otherSignature(UserId uploader, OwnKeys own, String user, Map<String, JsonObject> byKey,
                                       Map<UserId, CrossSigningKey> masters, List<KeySignature> accepted,
                                       Map<String, Map<String, KeyFailure>> failures) {
        Map<String, KeyFailure> failed = new LinkedHashMap<>();
        try {
            CrossSigningKey userSigning = own.userSigning()
                    .orElseThrow(() -> DomainException.notFound("No user_signing key found for " + uploader));
            UserId target = UserId.parse(user);
            CrossSigningKey master = Optional.ofNullable(masters.get(target))
                    .orElseThrow(() -> DomainException.notFound("No master key found for " + target));
            JsonObject signed = byKey.get(master.name());
            if (signed == null) {
                throw DomainException.notFound("Unknown device");
            }
            byKey.keySet().stream().filter(name -> !name.equals(master.name()))
                    .forEach(name -> failed.put(name, KeyFailure.of(DomainException.notFound("Unknown device"))));
            try {
                String signature = signaturesBy(signed, uploader).flatMap(s -> s.string(userSigning.keyId()))
                        .orElseThrow(SignatureUpload::invalidSignature);
                if (SignedJson.signature(master.json(), uploader.toString(), userSigning.keyId()).isEmpty()) {
                    ensureSameKey(signed, master.json());
                    if (!userSigning.signed(signed)) {
                        throw invalidSignature();
                    }
                    accepted.add(new KeySignature(uploader, userSigning.keyId(), target, master.name(), signature));
                }
            } catch (DomainException e) {
                failed.put(master.name(), KeyFailure.of(e));
            }
        } catch (DomainException e) {
            byKey.keySet().forEach(name -> failed.put(name, KeyFailure.of(e)));
        }
        if (!failed.isEmpty()) {
            failures.put(user, failed);
        }
    }

    /** The uploader's signatures on {@code signed}, if its {@code signatures} are well formed and hold some. */
    private static Optional<JsonObject> signaturesBy(JsonObject signed, UserId uploader) {
        return signed.get("signatures").filter(SignedJson::isSignatures)
                .flatMap(s -> ((JsonObject) s).object(uploader.toString()));
    }

    private static void ensureSameKey(JsonObject signed, JsonObject stored) {
        if (!SignedJson.sameSignedPart(signed, stored)) {
            throw new DomainException(ErrorKind.UNKNOWN, "Key does not match");
        }
    }

    private static DomainException invalidSignature() {
        return new DomainException(ErrorKind.INVALID_SIGNATURE, "Invalid signature");
    }
}
