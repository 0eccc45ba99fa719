package io.zhihang.domain.session;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SessionSettingsTest {
    private static final Instant SENT = Instant.parse("2026-03-01T12:00:00.250Z");

    private static ErrorKind refusal(Runnable action) {
        return catchThrowableOfType(DomainException.class, action::run).kind();
    }

    @Test
    void names_are_trimmed_bounded_and_optional() {
        assertThat(new SessionSettings("  Plans  ", null, false).name()).isEqualTo("Plans");
        assertThat(new SessionSettings("   ", null, false).name()).isNull();
        assertThat(new SessionSettings(null, null, false).name()).isNull();
        String atLimit = "密".repeat(SessionSettings.MAX_NAME_LENGTH);
        assertThat(new SessionSettings(" " + atLimit + " ", null, false).name()).isEqualTo(atLimit);
        assertThat(refusal(() -> new SessionSettings(atLimit + "谈", null, false))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> new SessionSettings("a\u0000b", null, false))).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void a_ttl_is_between_one_second_and_thirty_days_or_none() {
        assertThat(new SessionSettings(null, 1L, false).ttlSeconds()).isEqualTo(1L);
        assertThat(new SessionSettings(null, 2_592_000L, false).ttlSeconds()).isEqualTo(2_592_000L);
        assertThat(new SessionSettings(null, null, true).ttlSeconds()).isNull();
        assertThat(refusal(() -> new SessionSettings(null, 0L, false))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> new SessionSettings(null, -5L, false))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> new SessionSettings(null, 2_592_001L, false))).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void a_message_sent_at_t_with_ttl_T_is_there_until_t_plus_T_and_gone_from_then_on() {
        SessionSettings settings = new SessionSettings(null, 2L, false);
        Instant due = SENT.plus(Duration.ofSeconds(2));
        assertThat(settings.expiresAt(SENT)).contains(due);
        assertThat(settings.isGone(SENT, due.minusMillis(1))).isFalse();
        assertThat(settings.isGone(SENT, due)).isTrue();
        assertThat(settings.isGone(SENT, due.plusMillis(1))).isTrue();
    }

    @Test
    void without_a_ttl_messages_never_expire() {
        SessionSettings settings = new SessionSettings("forever", null, false);
        assertThat(settings.expiresAt(SENT)).isEmpty();
        assertThat(settings.isGone(SENT, SENT.plus(Duration.ofDays(3650)))).isFalse();
    }
}
