package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceIdTest {

    @Test
    void keeps_what_the_client_chose() {
        assertThat(new DeviceId("MY PHONE")).hasToString("MY PHONE");
    }

    @Test
    void refuses_empty_and_blank_ids() {
        assertThatThrownBy(() -> new DeviceId(null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new DeviceId("")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new DeviceId("  ")).isInstanceOf(DomainException.class);
    }

    @Test
    void allows_255_characters_but_not_256() {
        assertThat(new DeviceId("D".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new DeviceId("D".repeat(256)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }
}
