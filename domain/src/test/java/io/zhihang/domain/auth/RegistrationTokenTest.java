package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTokenTest {
    private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

    @Test
    void a_token_is_valid_until_its_uses_are_taken_by_completed_and_pending_registrations() {
        assertThat(new RegistrationToken("t", 2, 1, 0, null).isValid(NOW)).isTrue();
        assertThat(new RegistrationToken("t", 2, 1, 1, null).isValid(NOW)).isFalse();
        assertThat(new RegistrationToken("t", 0, 0, 0, null).isValid(NOW)).isFalse();
        assertThat(new RegistrationToken("t", null, 50, 50, null).isValid(NOW)).isTrue();
    }

    @Test
    void a_token_expires_at_its_expiry_time() {
        long expiry = NOW.toEpochMilli();
        assertThat(new RegistrationToken("t", null, 0, 0, expiry + 1).isValid(NOW)).isTrue();
        assertThat(new RegistrationToken("t", null, 0, 0, expiry).isValid(NOW)).isFalse();
    }

    @Test
    void chosen_tokens_and_limits_follow_synapses_rules() {
        assertThat(RegistrationToken.checkToken("a.b_c~d-9")).isEqualTo("a.b_c~d-9");
        assertThatThrownBy(() -> RegistrationToken.checkToken("")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RegistrationToken.checkToken("x".repeat(65))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RegistrationToken.checkToken("no/slash")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RegistrationToken.checkLength(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RegistrationToken.checkUsesAllowed(-1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RegistrationToken.checkExpiry(NOW.toEpochMilli() - 1, NOW))
                .isInstanceOf(DomainException.class);
    }
}
