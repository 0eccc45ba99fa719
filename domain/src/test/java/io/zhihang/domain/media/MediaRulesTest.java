package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MediaRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final UserId ALICE = UserId.parse("@alice:example.org");
    private static final UserId BOB = UserId.parse("@bob:example.org");

    @Test
    void media_ids_are_url_safe_letters_digits_underscore_and_dash() {
        assertThat(new MediaId("aZ09_-").value()).isEqualTo("aZ09_-");
        for (String bad : new String[]{"", "a.b", "a/b", "a b", "ä", "x".repeat(256)}) {
            assertThat(MediaId.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new MediaId(bad)).isInstanceOf(DomainException.class);
        }
    }

    @Test
    void declared_types_are_kept_when_well_formed() {
        assertThat(MediaContentType.declared("image/png").value()).isEqualTo("image/png");
        assertThat(MediaContentType.declared("text/plain; charset=ISO-8859-1").essence()).isEqualTo("text/plain");
        assertThat(MediaContentType.declared(null)).isEqualTo(MediaContentType.OCTET_STREAM);
        assertThat(MediaContentType.declared("nonsense")).isEqualTo(MediaContentType.OCTET_STREAM);
        assertThat(MediaContentType.declared("text/html\r\nX-Evil: 1")).isEqualTo(MediaContentType.OCTET_STREAM);
    }

    @Test
    void only_passive_types_are_inline() {
        assertThat(MediaContentType.declared("image/PNG").inlineSafe()).isTrue();
        assertThat(MediaContentType.declared("audio/ogg").inlineSafe()).isTrue();
        assertThat(MediaContentType.declared("text/plain; charset=utf-8").inlineSafe()).isTrue();
        assertThat(MediaContentType.declared("text/html").inlineSafe()).isFalse();
        assertThat(MediaContentType.declared("image/svg+xml").inlineSafe()).isFalse();
        assertThat(MediaContentType.declared("application/javascript").inlineSafe()).isFalse();
    }

    @Test
    void text_without_a_charset_is_served_as_utf8() {
        assertThat(MediaContentType.declared("text/plain").served()).isEqualTo("text/plain; charset=utf-8");
        assertThat(MediaContentType.declared("text/csv; charset=latin1").served()).isEqualTo("text/csv; charset=latin1");
        assertThat(MediaContentType.declared("image/png").served()).isEqualTo("image/png");
    }

    @Test
    void file_names_are_tokens_or_percent_encoded_never_raw() {
        MediaContentType png = MediaContentType.declared("image/png");
        assertThat(ContentDisposition.of(png, Optional.of("cat.png"))).isEqualTo("inline; filename=cat.png");
        assertThat(ContentDisposition.of(png, Optional.empty())).isEqualTo("inline");
        assertThat(ContentDisposition.of(MediaContentType.OCTET_STREAM, Optional.of("a \"b\";c.bin")))
                .isEqualTo("attachment; filename*=utf-8''a%20%22b%22%3Bc.bin");
        assertThat(ContentDisposition.of(png, Optional.of("猫.png"))).isEqualTo("inline; filename*=utf-8''%E7%8C%AB.png");
    }

    @Test
    void file_names_refuse_control_characters_and_separators() {
        assertThat(MediaFileName.check("holiday photo (1).jpg")).isEqualTo("holiday photo (1).jpg");
        for (String bad : new String[]{"a\nb", "a\u0000", "../etc/passwd", "a\\b", "x".repeat(256)}) {
            assertThat(catchThrowableOfType(DomainException.class, () -> MediaFileName.check(bad)).kind())
                    .as(bad).isEqualTo(ErrorKind.INVALID_PARAM);
        }
    }

    @Test
    void the_upload_limit_allows_exactly_the_maximum() {
        MediaUploadPolicy policy = new MediaUploadPolicy(1000, 5, Duration.ofHours(24));
        policy.checkSize(1000);
        assertThat(catchThrowableOfType(DomainException.class, () -> policy.checkSize(1001)).kind())
                .isEqualTo(ErrorKind.TOO_LARGE);
    }

    @Test
    void the_fifth_reservation_is_allowed_and_the_sixth_waits_for_the_oldest() {
        MediaUploadPolicy policy = MediaUploadPolicy.SYNAPSE_DEFAULTS;
        policy.checkPending(4, NOW.plusSeconds(60), NOW);
        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
                () -> policy.checkPending(5, NOW.plusSeconds(60), NOW));
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.unusedExpiresAt(NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void a_reservation_is_its_creators_until_it_lapses() {
        PendingMedia pending = new PendingMedia(new MediaId("abc"), ALICE, NOW, NOW.plusSeconds(10));
        pending.checkUploadBy(ALICE, NOW.plusMillis(9_999));
        assertThat(catchThrowableOfType(DomainException.class, () -> pending.checkUploadBy(BOB, NOW)).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(pending.expired(NOW.plusSeconds(10))).isTrue();
        assertThat(catchThrowableOfType(DomainException.class,
                () -> pending.checkUploadBy(ALICE, NOW.plusSeconds(10))).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(PendingMedia.alreadyUploaded().kind()).isEqualTo(ErrorKind.CANNOT_OVERWRITE_MEDIA);
    }
}
