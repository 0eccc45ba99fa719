package io.zhihang.domain.security;

import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpReputationTest {
    private static IpReputation.Counts failed(long n) {
        return new IpReputation.Counts(n, 0, 0, 0);
    }

    @Test
    void a_clean_address_scores_one_hundred_and_failed_logins_lower_it() {
        assertThat(IpReputation.of(failed(0), failed(0)).score()).isEqualTo(100);
        assertThat(IpReputation.of(failed(1), failed(1)).score()).isEqualTo(90);
        assertThat(IpReputation.of(failed(0), failed(3)).score()).isEqualTo(94);
        assertThat(IpReputation.of(failed(50), failed(50)).score()).isZero();
        assertThat(IpReputation.of(failed(1), failed(1)).risk()).isEqualTo(10);
    }

    @Test
    void automatic_blocking_is_off_at_threshold_zero() {
        IpReputation worst = IpReputation.of(failed(50), failed(50));
        assertThat(worst.warrantsAutoBlock(0)).isFalse();
        assertThat(worst.warrantsAutoBlock(20)).isTrue();
        assertThat(IpReputation.of(failed(1), failed(1)).warrantsAutoBlock(20)).isFalse();
    }

    @Test
    void an_admin_cannot_block_their_own_address_unless_forced() {
        IpRange range = IpRange.parse("203.0.113.0/24");
        assertThatThrownBy(() -> SelfBlockGuard.ensureAllowed(range, "203.0.113.5", false))
                .isInstanceOf(DomainException.class);
        assertThatCode(() -> SelfBlockGuard.ensureAllowed(range, "203.0.113.5", true)).doesNotThrowAnyException();
        assertThatCode(() -> SelfBlockGuard.ensureAllowed(range, "198.51.100.5", false)).doesNotThrowAnyException();
    }
}
