package io.zhihang.server;

import io.zhihang.domain.protocol.Ed25519SigningKey;
import io.zhihang.domain.protocol.UnpaddedBase64;
import io.zhihang.server.keys.ServerKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's fast signing engine gives byte-for-byte the spec's signatures (Ed25519 is deterministic). */
class BouncyCastleSignaturesTest {
    private static final String SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1";
    /** The spec's JSON-signing vector: the signature of the canonical JSON {@code {}} with key ed25519:1. */
    private static final String SPEC_SIGNATURE_OF_EMPTY_OBJECT =
            "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ";

    @Test
    void bouncy_castle_signs_exactly_like_the_jdk_and_the_spec() {
        Ed25519SigningKey jdk = Ed25519SigningKey.fromSeed("1", UnpaddedBase64.decode(SPEC_SEED));
        Ed25519SigningKey fast = ServerKeys.withFastEngine(jdk);
        byte[] message = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(UnpaddedBase64.encode(fast.sign(message))).isEqualTo(SPEC_SIGNATURE_OF_EMPTY_OBJECT);
        assertThat(fast.sign(message)).isEqualTo(jdk.sign(message));
        byte[] longer = "{\"one\":1,\"two\":\"Two\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(fast.sign(longer)).isEqualTo(jdk.sign(longer));
    }
}
