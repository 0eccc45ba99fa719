package io.zhihang.application.port.out;

import io.zhihang.domain.protocol.Ed25519SigningKey;

/** The server's Ed25519 signing key, which signs every event it creates. */
public interface SigningKeyProvider {
    Ed25519SigningKey signingKey();
}
