package io.zhihang.application.fakes;

import io.zhihang.application.port.out.SigningKeyProvider;
import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.UnpaddedBase64;

import java.security.SecureRandom;

/** One Ed25519 key, generated when the test starts, that signs every event. */
public class FixedSigningKey implements SigningKeyProvider {
    private final Ed25519SigningKey key = Ed25519SigningKey.generate("test", new SecureRandom());

    @Override
    public Ed25519SigningKey signingKey() {
        return key;
    }

    /** The raw 32-byte public key, for verifying signatures. */
    public byte[] publicKey() {
        return UnpaddedBase64.decode(key.publicKeyBase64());
    }
}
