package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountDataTypesTest {

    @Test
    void clients_write_any_type_but_the_read_marker_and_the_push_rules() {
        assertThatCode(() -> AccountDataTypes.ensureClientMayWrite("m.direct")).doesNotThrowAnyException();
        assertThatCode(() -> AccountDataTypes.ensureClientMayWrite("m.tag")).doesNotThrowAnyException();
        assertThatCode(() -> AccountDataTypes.ensureClientMayWrite("im.vector.setting")).doesNotThrowAnyException();

        assertThat(kind("m.fully_read")).isEqualTo(ErrorKind.SERVER_CONTROLLED);
        assertThat(kind("m.push_rules")).isEqualTo(ErrorKind.SERVER_CONTROLLED);
    }

    @Test
    void a_type_is_not_empty_and_fits_its_column() {
        assertThat(kind("")).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(kind("t".repeat(256))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThatCode(() -> AccountDataTypes.ensureClientMayWrite("t".repeat(255))).doesNotThrowAnyException();
    }

    private static ErrorKind kind(String type) {
        return catchThrowableOfType(DomainException.class, () -> AccountDataTypes.ensureClientMayWrite(type)).kind();
    }
}
