package io.zhihang.domain.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing key of the spec's "Cryptographic Test Vectors" (matrix-spec v1.19, appendices), as recorded in
 * {@code shared/spec/vectors/json-signing.json}.
 */
class Ed25519SigningKeyTest {
    private static final String SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1";
    private static final String SPEC_SEED_HEX = "6090c103d5e7af6b15a970fd563ed75549e6159719ae5c3c31dee4316fb75c0d";
    private static final String SPEC_PUBLIC_KEY = "XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI";

    private final Ed25519SigningKey specKey = Ed25519SigningKey.fromSeed("1", UnpaddedBase64.decode(SPEC_SEED));

    @Test
    void the_spec_seed_decodes_to_the_expected_bytes() {
        assertThat(UnpaddedBase64.decode(SPEC_SEED)).isEqualTo(HexFormat.of().parseHex(SPEC_SEED_HEX));
    }

    @Test
    void derives_the_public_key_of_the_spec_seed() {
        assertThat(specKey.publicKeyBase64()).isEqualTo(SPEC_PUBLIC_KEY);
        assertThat(specKey.keyId()).isEqualTo("ed25519:1");
    }

    @Test
    void signs_the_empty_object_as_the_spec_vector() {
        byte[] canonical = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(UnpaddedBase64.encode(specKey.sign(canonical))).isEqualTo(
                "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ");
    }

    @Test
    void signs_the_spec_object_with_data_as_the_spec_vector() {
        byte[] canonical = "{\"one\":1,\"two\":\"Two\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(UnpaddedBase64.encode(specKey.sign(canonical))).isEqualTo(
                "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw");
    }

    @Test
    void verifies_its_own_signatures_and_refuses_tampered_ones() {
        byte[] message = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = specKey.sign(message);

        assertThat(specKey.verify(message, signature)).isTrue();
        assertThat(specKey.verify("{ }".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        signature[0] ^= 1;
        assertThat(specKey.verify(message, signature)).isFalse();
        assertThat(specKey.verify(message, new byte[3])).isFalse();
    }

    @Test
    void reads_synapse_signing_key_lines() {
        Ed25519SigningKey parsed = Ed25519SigningKey.parse("ed25519 1 " + SPEC_SEED + "\n");

        assertThat(parsed).isEqualTo(specKey).hasSameHashCodeAs(specKey);
        assertThat(parsed.publicKeyBase64()).isEqualTo(SPEC_PUBLIC_KEY);
    }

    @Test
    void writes_the_seed_in_canonical_unpadded_base64_and_reads_it_back() {
        String line = specKey.format();

        // The spec prints the seed with non-zero unused trailing bits ("...XA1"); the canonical form ends "...XA0".
        assertThat(line).isEqualTo("ed25519 1 YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA0");
        assertThat(Ed25519SigningKey.parse(line)).isEqualTo(specKey);
    }

    @Test
    void a_generated_key_survives_a_format_and_parse_round_trip() {
        Ed25519SigningKey generated = Ed25519SigningKey.generate("a_XyZ", new SecureRandom());
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

        Ed25519SigningKey reread = Ed25519SigningKey.parse(generated.format());

        assertThat(reread).isEqualTo(generated);
        assertThat(reread.keyId()).isEqualTo("ed25519:a_XyZ");
        assertThat(reread.publicKeyBase64()).isEqualTo(generated.publicKeyBase64());
        assertThat(reread.verify(message, generated.sign(message))).isTrue();
    }

    @Test
    void keys_with_other_seeds_or_versions_differ() {
        byte[] otherSeed = UnpaddedBase64.decode(SPEC_SEED);
        otherSeed[0] ^= 1;

        assertThat(Ed25519SigningKey.fromSeed("2", UnpaddedBase64.decode(SPEC_SEED))).isNotEqualTo(specKey);
        assertThat(Ed25519SigningKey.fromSeed("1", otherSeed)).isNotEqualTo(specKey);
        assertThat(Ed25519SigningKey.fromSeed("1", otherSeed).publicKeyBase64()).isNotEqualTo(SPEC_PUBLIC_KEY);
    }

    @Test
    void refuses_lines_that_are_not_ed25519_keys() {
        assertThatThrownBy(() -> Ed25519SigningKey.parse("rsa 1 " + SPEC_SEED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519SigningKey.parse("ed25519 " + SPEC_SEED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519SigningKey.parse("ed25519 1 " + SPEC_SEED + " extra"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_seed_that_is_not_32_bytes() {
        assertThatThrownBy(() -> Ed25519SigningKey.fromSeed("1", new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519SigningKey.parse("ed25519 1 AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void does_not_print_its_seed() {
        assertThat(specKey.toString()).isEqualTo("Ed25519SigningKey[ed25519:1]").doesNotContain(SPEC_SEED);
    }
}
