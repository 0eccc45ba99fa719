package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final DeviceId PHONE = new DeviceId("PHONE");

    @Test
    void a_long_lived_token_never_expires() {
        AccessToken token = AccessToken.longLived("t1", ALICE, PHONE, T0);

        assertThat(token.isExpired(T0.plus(Duration.ofDays(3650)))).isFalse();
        assertThat(token.remainingAt(T0)).isEmpty();
        assertThat(token.refreshTokenHash()).isNull();
    }

    @Test
    void a_refreshable_token_expires_at_the_end_of_its_lifetime() {
        AccessToken token = AccessToken.refreshable("t1", ALICE, PHONE, Duration.ofMinutes(5), "sha", T0);

        assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(token.isExpired(T0.plus(Duration.ofMinutes(5)).minusNanos(1))).isFalse();
        assertThat(token.isExpired(T0.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void tells_how_long_a_refreshable_token_has_left() {
        AccessToken token = AccessToken.refreshable("t1", ALICE, PHONE, Duration.ofMinutes(5), "sha", T0);

        assertThat(token.remainingAt(T0.plusSeconds(60))).contains(Duration.ofMinutes(4));
        assertThat(token.refreshTokenHash()).isEqualTo("sha");
        assertThat(token.createdAt()).isEqualTo(T0);
    }
}
