package io.zhihang.domain.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnpaddedBase64Test {

    /** RFC 4648 section 10 test vectors, without the padding. */
    @ParameterizedTest
    @CsvSource({"'',''", "f,Zg", "fo,Zm8", "foo,Zm9v", "foob,Zm9vYg", "fooba,Zm9vYmE", "foobar,Zm9vYmFy"})
    void encodes_the_rfc_vectors_without_padding(String plain, String encoded) {
        assertThat(UnpaddedBase64.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(UnpaddedBase64.decode(encoded)).isEqualTo(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decodes_padded_input_too() {
        assertThat(UnpaddedBase64.decode("Zm8=")).isEqualTo("fo".getBytes(StandardCharsets.US_ASCII));
        assertThat(UnpaddedBase64.decode("Zg==")).isEqualTo("f".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void uses_the_standard_alphabet_unless_url_safe_is_asked_for() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff};

        assertThat(UnpaddedBase64.encode(bytes)).isEqualTo("+/8");
        assertThat(UnpaddedBase64.encodeUrlSafe(bytes)).isEqualTo("-_8");
    }

    @Test
    void decodes_both_alphabets() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff};

        assertThat(UnpaddedBase64.decode("+/8")).isEqualTo(bytes);
        assertThat(UnpaddedBase64.decode("-_8")).isEqualTo(bytes);
        assertThat(UnpaddedBase64.decode(" +/8\n")).isEqualTo(bytes);
    }

    @Test
    void round_trips_any_bytes() {
        Random random = new Random(42);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);

            assertThat(UnpaddedBase64.decode(UnpaddedBase64.encode(bytes))).isEqualTo(bytes);
            assertThat(UnpaddedBase64.decode(UnpaddedBase64.encodeUrlSafe(bytes))).isEqualTo(bytes);
            assertThat(UnpaddedBase64.encode(bytes)).doesNotContain("=");
        }
    }

    @Test
    void refuses_text_that_is_not_base64() {
        assertThatThrownBy(() -> UnpaddedBase64.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
