package io.zhihang.domain.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

class SharedSecretMacTest {
    private static final String SECRET = "s3cret";

    @Test
    void is_hmac_sha1_over_nul_separated_fields_as_synapse_computes_it() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal("abcdef\0alice\0wonderland\0admin".getBytes(StandardCharsets.UTF_8)));

        assertThat(SharedSecretMac.compute(SECRET, "abcdef", "alice", "wonderland", true, null)).isEqualTo(expected);
    }

    @Test
    void matches_values_computed_with_python_hmac() {
        // python3 -c 'import hmac; print(hmac.new(b"s3cret", b"abcdef\0alice\0wonderland\0admin", "sha1").hexdigest())', and likewise
        assertThat(SharedSecretMac.compute(SECRET, "abcdef", "alice", "wonderland", true, null))
                .isEqualTo("7276830985c223143d3e87e8b9c89be40b68fc9d");
        assertThat(SharedSecretMac.compute(SECRET, "abcdef", "alice", "wonderland", false, null))
                .isEqualTo("64a45f17cbdbfaea12dc349d1daac564dc4bb118");
        assertThat(SharedSecretMac.compute(SECRET, "abcdef", "alice", "wonderland", false, "bot"))
                .isEqualTo("6a1405d50ca9b842306cb0dc35bbed7377a4425f");
    }

    @Test
    void admin_and_notadmin_give_different_macs() {
        assertThat(SharedSecretMac.compute(SECRET, "n", "alice", "pw", true, null))
                .isNotEqualTo(SharedSecretMac.compute(SECRET, "n", "alice", "pw", false, null));
    }

    @Test
    void the_separators_keep_fields_apart() {
        assertThat(SharedSecretMac.compute(SECRET, "n", "alice", "pw", false, null))
                .isNotEqualTo(SharedSecretMac.compute(SECRET, "n", "alic", "epw", false, null));
    }

    @Test
    void matching_ignores_the_case_of_the_client_hex() {
        String expected = SharedSecretMac.compute(SECRET, "abcdef", "alice", "wonderland", true, null);

        assertThat(SharedSecretMac.matches(expected, expected)).isTrue();
        assertThat(SharedSecretMac.matches(expected, expected.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Test
    void refuses_a_wrong_truncated_or_missing_mac() {
        String expected = SharedSecretMac.compute(SECRET, "abcdef", "alice", "wonderland", true, null);

        assertThat(SharedSecretMac.matches(expected, SharedSecretMac.compute("other", "abcdef", "alice",
                "wonderland", true, null))).isFalse();
        assertThat(SharedSecretMac.matches(expected, expected.substring(0, 39))).isFalse();
        assertThat(SharedSecretMac.matches(expected, "")).isFalse();
        assertThat(SharedSecretMac.matches(expected, null)).isFalse();
    }
}
