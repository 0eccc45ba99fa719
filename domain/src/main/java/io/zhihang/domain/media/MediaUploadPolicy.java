package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;

import java.time.Duration;
import java.time.Instant;

/**
 * Synapse's upload limits: {@code max_upload_size} (413 {@code M_TOO_LARGE}), and for asynchronous uploads
 * {@code max_pending_media_uploads} reservations per user that lapse after {@code unused_expiration_time}.
 */
public record MediaUploadPolicy(long maxUploadBytes, int maxPendingUploads, Duration unusedExpiry) {
    public static final MediaUploadPolicy SYNAPSE_DEFAULTS =
            new MediaUploadPolicy(50L * 1024 * 1024, 5, Duration.ofHours(24));

    public MediaUploadPolicy {
        if (maxUploadBytes < 1 || maxPendingUploads < 1 || unusedExpiry.isNegative() || unusedExpiry.isZero()) {
            throw new IllegalArgumentException("Media limits must be positive");
        }
    }

    public void checkSize(long bytes) {
        if (bytes > maxUploadBytes) {
            throw tooLarge();
        }
    }

    public DomainException tooLarge() {
        return new DomainException(ErrorKind.TOO_LARGE,
                "Upload is larger than the server allows (" + maxUploadBytes + " bytes)");
    }

    /**
     * Refuses another reservation when the user already holds the maximum; the answer says when the oldest of them
     * lapses.
     */
    public void checkPending(int pending, Instant oldestExpiry, Instant now) {
        if (pending >= maxPendingUploads) {
            Duration wait = Duration.between(now, oldestExpiry);
            throw new RateLimitedException(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait,
                    "Too many pending media uploads");
        }
    }

    public Instant unusedExpiresAt(Instant now) {
        return now.plus(unusedExpiry);
    }
}
