package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(8);

    @Test
    void accepts_passwords_from_the_minimum_up_to_512_characters() {
        assertThatCode(() -> policy.check("12345678")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("x".repeat(PasswordPolicy.MAX_LENGTH))).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_short_password_as_weak_and_says_how_long_it_must_be() {
        assertRefused(() -> policy.check("1234567"), ErrorKind.WEAK_PASSWORD, "at least 8 characters");
    }

    @Test
    void refuses_a_password_over_512_characters() {
        assertRefused(() -> policy.check("x".repeat(513)), ErrorKind.INVALID_PARAM, "too long");
    }

    @Test
    void refuses_a_missing_password() {
        assertRefused(() -> policy.check(null), ErrorKind.MISSING_PARAM, "Missing password");
    }

    @Test
    void never_accepts_an_empty_password_even_without_a_minimum() {
        PasswordPolicy lenient = new PasswordPolicy(0);

        assertRefused(() -> lenient.check(""), ErrorKind.WEAK_PASSWORD, "at least 1 character");
        assertThatCode(() -> lenient.check("x")).doesNotThrowAnyException();
    }

    @Test
    void cannot_be_configured_with_an_impossible_minimum() {
        assertThatThrownBy(() -> new PasswordPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(513)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(ThrowingCallable call, ErrorKind kind, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(kind);
    }
}
