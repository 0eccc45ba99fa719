package io.zhihang.domain.lifecycle.crypto;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedContentTest {
    private static final byte[] SALT = "zhihang-salt-16b".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final byte[] CIPHERTEXT = {(byte) 0xff, 0x00, 0x7f, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70,
            (byte) 0x80, (byte) 0x90, (byte) 0xa0, (byte) 0xb0, (byte) 0xc0, (byte) 0xd0, (byte) 0xe0};
    private static final SealedContent SEALED = new SealedContent(SealedContent.ARGON2ID_AES_256_GCM,
            new KdfParams(19_456, 2, 1), SALT, NONCE, CIPHERTEXT);

    @Test
    void the_stored_form_is_canonical_json_with_unpadded_base64() {
        assertThat(SEALED.encode()).isEqualTo("{\"algorithm\":\"argon2id+aes-256-gcm\","
                + "\"ciphertext\":\"/wB/ECAwQFBgcICQoLDA0OA\","
                + "\"kdf\":{\"iterations\":2,\"memory_kib\":19456,\"parallelism\":1},"
                + "\"nonce\":\"AAECAwQFBgcICQoL\",\"salt\":\"emhpaGFuZy1zYWx0LTE2Yg\"}");
    }

    @Test
    void survives_a_round_trip_through_its_stored_form() {
        assertThat(SealedContent.decode(SEALED.encode())).isEqualTo(SEALED);
        assertThat(SealedContent.fromJson(SEALED.toJson())).isEqualTo(SEALED);
    }

    @Test
    void a_reader_ignores_members_a_later_format_adds() {
        JsonObject later = SEALED.toJson().with("format_note", JsonNumber.of(2))
                .with("kdf", SEALED.toJson().object("kdf").orElseThrow().with("secret_id", JsonNumber.of(1)));

        assertThat(SealedContent.fromJson(later)).isEqualTo(SEALED);
    }

    @Test
    void accepts_padded_base64_too() {
        String padded = SEALED.encode().replace("/wB/ECAwQFBgcICQoLDA0OA\"", "/wB/ECAwQFBgcICQoLDA0OA=\"");

        assertThat(SealedContent.decode(padded)).isEqualTo(SEALED);
    }

    @Test
    void malformed_stored_forms_are_refused() {
        assertThatThrownBy(() -> SealedContent.decode("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedContent.fromJson(SEALED.toJson().without("salt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("salt");
        assertThatThrownBy(() -> SealedContent.fromJson(SEALED.toJson().without("kdf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kdf");
        assertThatThrownBy(() -> SealedContent.fromJson(Json.parseObject(
                SEALED.encode().replace("\"AAECAwQFBgcICQoL\"", "\"not base64!\""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> SealedContent.decode(SEALED.encode().replace("19456", "99999999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory");
        assertThatThrownBy(() -> SealedContent.decode(SEALED.encode().replace("19456", "9007199254740991")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }

    @Test
    void a_salt_shorter_than_argon2_allows_is_refused() {
        assertThatThrownBy(() -> new SealedContent(SealedContent.ARGON2ID_AES_256_GCM, KdfParams.OWASP, new byte[7],
                NONCE, CIPHERTEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void is_immutable_and_compares_by_content() {
        byte[] salt = SALT.clone();
        SealedContent sealed = new SealedContent(SealedContent.ARGON2ID_AES_256_GCM, KdfParams.OWASP, salt, NONCE,
                CIPHERTEXT);
        salt[0] ^= 1;
        sealed.ciphertext()[0] ^= 1;

        assertThat(sealed.salt()).isEqualTo(SALT);
        assertThat(sealed.ciphertext()).isEqualTo(CIPHERTEXT);
        assertThat(sealed).isEqualTo(new SealedContent(SealedContent.ARGON2ID_AES_256_GCM, KdfParams.OWASP,
                SALT.clone(), NONCE.clone(), CIPHERTEXT.clone()))
                .hasSameHashCodeAs(new SealedContent(SealedContent.ARGON2ID_AES_256_GCM, KdfParams.OWASP,
                        SALT.clone(), NONCE.clone(), CIPHERTEXT.clone()));
        assertThat(sealed.toString()).doesNotContain("emhp").contains("argon2id+aes-256-gcm");
    }
}
