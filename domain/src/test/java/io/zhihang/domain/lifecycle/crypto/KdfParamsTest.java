package io.zhihang.domain.lifecycle.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KdfParamsTest {
    @Test
    void owasp_and_cheap_test_costs_are_valid() {
        assertThatCode(() -> new KdfParams(19_456, 2, 1)).doesNotThrowAnyException();
        assertThatCode(() -> new KdfParams(8, 1, 1)).doesNotThrowAnyException();
    }

    @Test
    void argon2_needs_eight_kib_per_lane() {
        assertThatThrownBy(() -> new KdfParams(31, 1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new KdfParams(32, 1, 4)).doesNotThrowAnyException();
    }

    @Test
    void a_row_cannot_ask_for_absurd_costs() {
        assertThatThrownBy(() -> new KdfParams(KdfParams.MAX_MEMORY_KIB + 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams(19_456, KdfParams.MAX_ITERATIONS + 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams(19_456, 2, KdfParams.MAX_PARALLELISM + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams(19_456, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams(19_456, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
