package io.zhihang.domain.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTokensTest {
    private final RegistrationTokens tokens = new RegistrationTokens(true, Set.of("open-sesame", "friends-2025"));

    @Test
    void accepts_any_configured_token() {
        assertThat(tokens.isValid("open-sesame")).isTrue();
        assertThat(tokens.isValid("friends-2025")).isTrue();
    }

    @Test
    void refuses_unknown_prefixed_differently_cased_or_missing_tokens() {
        assertThat(tokens.isValid("open-sesam")).isFalse();
        assertThat(tokens.isValid("open-sesame!")).isFalse();
        assertThat(tokens.isValid("OPEN-SESAME")).isFalse();
        assertThat(tokens.isValid("")).isFalse();
        assertThat(tokens.isValid(null)).isFalse();
    }

    @Test
    void with_no_tokens_nothing_is_valid() {
        assertThat(new RegistrationTokens(false, Set.of()).isValid("anything")).isFalse();
    }
}
