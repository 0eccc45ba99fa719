package io.zhihang.domain.lifecycle.crypto;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionPasswordPolicyTest {
    @Test
    void any_non_empty_password_up_to_1024_characters_is_accepted() {
        assertThatCode(() -> EncryptionPasswordPolicy.check("a".toCharArray())).doesNotThrowAnyException();
        assertThatCode(() -> EncryptionPasswordPolicy.check(" ".toCharArray())).doesNotThrowAnyException();
        assertThatCode(() -> EncryptionPasswordPolicy.check("x".repeat(1024).toCharArray())).doesNotThrowAnyException();
    }

    @Test
    void length_counts_code_points_not_utf16_units() {
        assertThatCode(() -> EncryptionPasswordPolicy.check("🔑".repeat(1024).toCharArray()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EncryptionPasswordPolicy.check("🔑".repeat(1025).toCharArray()))
                .isInstanceOfSatisfying(DomainException.class, e -> kind(e, ErrorKind.INVALID_PARAM));
    }

    @Test
    void missing_empty_and_too_long_passwords_are_refused() {
        assertThatThrownBy(() -> EncryptionPasswordPolicy.check(null))
                .isInstanceOfSatisfying(DomainException.class, e -> kind(e, ErrorKind.MISSING_PARAM));
        assertThatThrownBy(() -> EncryptionPasswordPolicy.check(new char[0]))
                .isInstanceOfSatisfying(DomainException.class, e -> kind(e, ErrorKind.MISSING_PARAM));
        assertThatThrownBy(() -> EncryptionPasswordPolicy.check("x".repeat(1025).toCharArray()))
                .isInstanceOfSatisfying(DomainException.class, e -> kind(e, ErrorKind.INVALID_PARAM));
    }

    @Test
    void unpaired_surrogates_are_refused() {
        assertThatThrownBy(() -> EncryptionPasswordPolicy.check(new char[] {'a', '\uD83D'}))
                .isInstanceOfSatisfying(DomainException.class, e -> kind(e, ErrorKind.INVALID_PARAM));
        assertThatThrownBy(() -> EncryptionPasswordPolicy.check(new char[] {'\uDD11', 'a'}))
                .isInstanceOfSatisfying(DomainException.class, e -> kind(e, ErrorKind.INVALID_PARAM));
    }

    private static void kind(DomainException e, ErrorKind kind) {
        org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(kind);
    }
}
