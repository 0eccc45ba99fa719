package io.zhihang.domain.keys;

import io.zhihang.domain.protocol.json.JsonBool;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneTimeKeyTest {
    private static JsonObject signedKey(String key, String signature) {
        return JsonObject.builder().put("key", key)
                .put("signatures", JsonObject.builder().put("@alice:example.org",
                        JsonObject.builder().put("ed25519:PHONE", signature).build()).build())
                .build();
    }

    @Test
    void takes_a_bare_key_string_or_a_signed_key_object() {
        OneTimeKey bare = OneTimeKey.of("curve25519:AAAAAQ", JsonString.of("base64key"));
        OneTimeKey signed = OneTimeKey.of("signed_curve25519:AAAAAg", signedKey("base64key", "sig"));

        assertThat(bare.algorithm()).isEqualTo("curve25519");
        assertThat(signed.id()).isEqualTo(new KeyId("signed_curve25519", "AAAAAg"));
    }

    @Test
    void the_same_key_uploaded_again_may_differ_in_its_signatures_only() {
        OneTimeKey first = OneTimeKey.of("signed_curve25519:AAAAAQ", signedKey("k1", "sig1"));

        assertThat(first.sameKeyAs(OneTimeKey.of("signed_curve25519:AAAAAQ", signedKey("k1", "sig2")))).isTrue();
        assertThat(first.sameKeyAs(OneTimeKey.of("signed_curve25519:AAAAAQ", signedKey("k2", "sig1")))).isFalse();
        assertThat(OneTimeKey.of("curve25519:A", JsonString.of("x"))
                .sameKeyAs(OneTimeKey.of("curve25519:A", JsonString.of("y")))).isFalse();
    }

    @Test
    void refuses_key_objects_of_the_wrong_shape() {
        for (var value : List.of(new JsonNumber(1), JsonObject.builder().put("key", 1).build(),
                signedKey("k", "s").without("signatures"), signedKey("k", "s").with("fallback", JsonString.of("yes")))) {
            assertThatThrownBy(() -> OneTimeKey.of("signed_curve25519:AAAAAQ", value))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_JSON));
        }
        assertThat(OneTimeKey.of("signed_curve25519:AAAAAQ", signedKey("k", "s").with("fallback", JsonBool.TRUE))
                .value()).isInstanceOf(JsonObject.class);
    }

    @Test
    void accepts_what_synapse_accepts_a_null_fallback_flag_and_unknown_members_kept() {
        JsonObject key = signedKey("k", "s").with("fallback", JsonNull.INSTANCE).with("org.example.extra", new JsonNumber(1));

        assertThat(OneTimeKey.of("signed_curve25519:AAAAAQ", key).value()).isEqualTo(key);
    }

    @Test
    void counts_always_name_signed_curve25519() {
        assertThat(KeyCounts.NONE.oneTimeKeys()).containsExactly(Map.entry("signed_curve25519", 0L));
        assertThat(new KeyCounts(Map.of("curve25519", 3L), List.of("signed_curve25519")).oneTimeKeys())
                .containsExactly(Map.entry("curve25519", 3L), Map.entry("signed_curve25519", 0L));
    }
}
