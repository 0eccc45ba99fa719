package io.zhihang.server.security;

import io.zhihang.domain.lifecycle.crypto.AssociatedData;
import io.zhihang.domain.lifecycle.crypto.KdfParams;
import io.zhihang.domain.lifecycle.crypto.SealedContent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing and opening with cheap Argon2id costs; the known-answer tests pin the wiring to other implementations. */
class Argon2AesGcmContentSealerTest {
    private static final KdfParams CHEAP = new KdfParams(64, 1, 1);
    private static final KdfParams OTHER_CHEAP = new KdfParams(128, 2, 2);
    private static final byte[] PLAINTEXT = "Meet at the usual place, 8pm".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final byte[] AAD = AssociatedData.forMessage("!room:example.org", "$event:example.org");

    private final Argon2AesGcmContentSealer sealer = new Argon2AesGcmContentSealer(CHEAP, new SecureRandom());

    @Test
    void opens_with_the_right_password_and_associated_data() {
        SealedContent sealed = sealer.seal(PLAINTEXT, PASSWORD, AAD);

        assertThat(sealed.algorithm()).isEqualTo("argon2id+aes-256-gcm");
        assertThat(sealed.kdf()).isEqualTo(CHEAP);
        assertThat(sealed.salt()).hasSize(16);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length + 16);
        assertThat(sealer.open(sealed, PASSWORD, AAD)).hasValueSatisfying(p -> assertThat(p).isEqualTo(PLAINTEXT));
    }

    @Test
    void the_stored_form_opens_after_a_round_trip() {
        SealedContent sealed = SealedContent.decode(sealer.seal(PLAINTEXT, PASSWORD, AAD).encode());

        assertThat(sealer.open(sealed, PASSWORD, AAD)).hasValueSatisfying(p -> assertThat(p).isEqualTo(PLAINTEXT));
    }

    @Test
    void empty_and_non_ascii_content_and_passwords_round_trip() {
        char[] password = "pässwörd 🔑".toCharArray();
        SealedContent empty = sealer.seal(new byte[0], password, new byte[0]);

        assertThat(sealer.open(empty, password, new byte[0])).hasValueSatisfying(p -> assertThat(p).isEmpty());
        assertThat(sealer.open(empty, "passwörd 🔑".toCharArray(), new byte[0])).isEmpty();
    }

    @Test
    void a_wrong_password_opens_nothing() {
        SealedContent sealed = sealer.seal(PLAINTEXT, PASSWORD, AAD);

        assertThat(sealer.open(sealed, "correct horse battery stapler".toCharArray(), AAD)).isEmpty();
        assertThat(sealer.open(sealed, "".toCharArray(), AAD)).isEmpty();
    }

    @Test
    void content_moved_to_another_message_opens_nothing() {
        SealedContent sealed = sealer.seal(PLAINTEXT, PASSWORD, AAD);

        assertThat(sealer.open(sealed, PASSWORD, AssociatedData.forMessage("!room:example.org", "$other:example.org")))
                .isEmpty();
        assertThat(sealer.open(sealed, PASSWORD, new byte[0])).isEmpty();
    }

    @Test
    void any_altered_byte_opens_nothing() {
        SealedContent sealed = sealer.seal(PLAINTEXT, PASSWORD, AAD);

        assertThat(sealer.open(with(sealed, "ciphertext", flipFirst()), PASSWORD, AAD)).isEmpty();
        assertThat(sealer.open(with(sealed, "ciphertext", flipLast()), PASSWORD, AAD)).as("the tag").isEmpty();
        assertThat(sealer.open(with(sealed, "nonce", flipFirst()), PASSWORD, AAD)).isEmpty();
        assertThat(sealer.open(with(sealed, "salt", flipFirst()), PASSWORD, AAD)).isEmpty();
        assertThat(sealer.open(with(sealed, "ciphertext", b -> Arrays.copyOf(b, b.length - 1)), PASSWORD,
                AAD)).as("truncated").isEmpty();
        assertThat(sealer.open(with(sealed, "ciphertext", b -> new byte[15]), PASSWORD, AAD)).as("shorter than a tag")
                .isEmpty();
        assertThat(sealer.open(with(sealed, "nonce", b -> Arrays.copyOf(b, 16)), PASSWORD, AAD))
                .as("another nonce length").isEmpty();
    }

    @Test
    void altered_kdf_parameters_open_nothing() {
        SealedContent sealed = sealer.seal(PLAINTEXT, PASSWORD, AAD);
        SealedContent altered = new SealedContent(sealed.algorithm(), new KdfParams(64, 2, 1), sealed.salt(),
                sealed.nonce(), sealed.ciphertext());

        assertThat(sealer.open(altered, PASSWORD, AAD)).isEmpty();
    }

    @Test
    void an_unknown_algorithm_is_an_error_not_a_wrong_password() {
        SealedContent sealed = sealer.seal(PLAINTEXT, PASSWORD, AAD);
        SealedContent future = new SealedContent("scrypt+aes-256-gcm", sealed.kdf(), sealed.salt(), sealed.nonce(),
                sealed.ciphertext());

        assertThatThrownBy(() -> sealer.open(future, PASSWORD, AAD)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scrypt+aes-256-gcm");
    }

    @Test
    void sealing_the_same_content_twice_gives_different_salt_nonce_and_ciphertext() {
        SealedContent first = sealer.seal(PLAINTEXT, PASSWORD, AAD);
        SealedContent second = sealer.seal(PLAINTEXT, PASSWORD, AAD);

        assertThat(second.salt()).isNotEqualTo(first.salt());
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
    }

    @Test
    void content_sealed_under_old_defaults_still_opens_after_they_change() {
        SealedContent old = sealer.seal(PLAINTEXT, PASSWORD, AAD);
        Argon2AesGcmContentSealer upgraded = new Argon2AesGcmContentSealer(OTHER_CHEAP, new SecureRandom());

        assertThat(upgraded.seal(PLAINTEXT, PASSWORD, AAD).kdf()).isEqualTo(OTHER_CHEAP);
        assertThat(upgraded.open(old, PASSWORD, AAD)).hasValueSatisfying(p -> assertThat(p).isEqualTo(PLAINTEXT));
        assertThat(sealer.open(upgraded.seal(PLAINTEXT, PASSWORD, AAD), PASSWORD, AAD)).isPresent();
    }

    @Test
    void the_callers_password_array_is_left_alone() {
        char[] password = PASSWORD.clone();

        sealer.seal(PLAINTEXT, password, AAD);

        assertThat(password).isEqualTo(PASSWORD);
    }

    /**
     * The key derivation agrees with the reference implementation (Debian's {@code argon2} 0~20171227, the PHC code):
     * {@code printf '%s' 'pässwörd 🔑' | argon2 'zhihang-salt-16b' -id -t 2 -k 64 -p 1 -l 32 -r}
     * (the password as UTF-8, as this class encodes it).
     */
    @Test
    void the_key_derivation_matches_the_argon2_reference_cli() {
        byte[] key = Argon2AesGcmContentSealer.deriveKey("pässwörd 🔑".toCharArray(),
                "zhihang-salt-16b".getBytes(StandardCharsets.US_ASCII), new KdfParams(64, 2, 1));

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("ec5ee1e19caeb4013700974bb6e61b84f318bf356540615e5b96507db0bc268b");
    }

    /**
     * A whole seal made outside Java opens: the key from the command above, then Python's {@code cryptography}
     * {@code AESGCM(key).encrypt(bytes(range(12)), b"Hello, sealed world", b"$event:example.org")}.
     */
    @Test
    void content_sealed_by_other_implementations_opens() {
        SealedContent foreign = SealedContent.decode("""
                {"algorithm":"argon2id+aes-256-gcm","kdf":{"memory_kib":64,"iterations":2,"parallelism":1},
                 "salt":"emhpaGFuZy1zYWx0LTE2Yg","nonce":"AAECAwQFBgcICQoL",
                 "ciphertext":"OzwybVH9yHHCxrjfkwBWWjpwvxnhhKQjS5QjI735YqBu/W4"}""");
        byte[] aad = "$event:example.org".getBytes(StandardCharsets.UTF_8);

        assertThat(sealer.open(foreign, "pässwörd 🔑".toCharArray(), aad))
                .hasValueSatisfying(p -> assertThat(new String(p, StandardCharsets.UTF_8))
                        .isEqualTo("Hello, sealed world"));
    }

    private static SealedContent with(SealedContent sealed, String field, UnaryOperator<byte[]> change) {
        return new SealedContent(sealed.algorithm(), sealed.kdf(),
                field.equals("salt") ? change.apply(sealed.salt()) : sealed.salt(),
                field.equals("nonce") ? change.apply(sealed.nonce()) : sealed.nonce(),
                field.equals("ciphertext") ? change.apply(sealed.ciphertext()) : sealed.ciphertext());
    }

    private static UnaryOperator<byte[]> flipFirst() {
        return b -> {
            b[0] ^= 1;
            return b;
        };
    }

    private static UnaryOperator<byte[]> flipLast() {
        return b -> {
            b[b.length - 1] ^= 1;
            return b;
        };
    }
}
