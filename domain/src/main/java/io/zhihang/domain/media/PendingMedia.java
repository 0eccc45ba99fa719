package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/**
 * A media id reserved by {@code POST /_matrix/media/v1/create} whose bytes have not arrived yet. Only its creator
 * may upload to it, and only until it expires unused.
 */
public record PendingMedia(MediaId mediaId, UserId creator, Instant createdAt, Instant unusedExpiresAt)
        implements MediaEntry {

    public boolean expired(Instant now) {
        return !now.isBefore(unusedExpiresAt);
    }

    /** Refuses an upload by anyone but the creator, or after the reservation lapsed. */
    public void checkUploadBy(UserId uploader, Instant now) {
        if (expired(now)) {
            throw DomainException.notFound("Unknown media id");
        }
        if (!creator.equals(uploader)) {
            throw DomainException.forbidden("Only the user who created this media id may upload to it");
        }
    }

    /** What an upload to an id that already has content gets (409 in the spec). */
    public static DomainException alreadyUploaded() {
        return new DomainException(ErrorKind.CANNOT_OVERWRITE_MEDIA, "Media already uploaded");
    }
}
