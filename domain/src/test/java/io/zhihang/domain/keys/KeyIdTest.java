package io.zhihang.domain.keys;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyIdTest {
    @Test
    void splits_algorithm_and_key_id_at_the_colon() {
        KeyId id = KeyId.parse("signed_curve25519:AAAAAQ");

        assertThat(id.algorithm()).isEqualTo("signed_curve25519");
        assertThat(id.name()).isEqualTo("AAAAAQ");
        assertThat(id).hasToString("signed_curve25519:AAAAAQ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAAAAQ", "a:b:c", "::", ""})
    void refuses_anything_but_exactly_one_colon(String raw) {
        assertThatThrownBy(() -> KeyId.parse(raw))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed_curve25519:", ":AAAAAQ", ":"})
    void either_side_of_the_colon_may_be_empty_as_in_synapse(String raw) {
        assertThat(KeyId.parse(raw)).hasToString(raw);
    }
}
