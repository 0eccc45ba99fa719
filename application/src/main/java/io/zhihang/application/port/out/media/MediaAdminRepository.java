package io.zhihang.application.port.out.media;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the admin API reads and changes about local media beyond {@link MediaRepository}: the moderation flags
 * (quarantined, protected), listings by uploader, and per-user usage. Implemented by the media table's one writer.
 * Quarantining never touches protected media.
 */
public interface MediaAdminRepository {
    /** Uploaded media (not reservations), quarantined or not. */
    Optional<StoredMedia> findStored(MediaId mediaId);

    /** A page of a user's uploaded media in the given order (ties by ascending media id), and how many there are. */
    MediaPage uploadedBy(UserId uploader, MediaOrder order, boolean backwards, int from, int limit);

    /** Quarantines those of {@code mediaIds} that are neither protected nor quarantined; returns how many. */
    int quarantine(Collection<MediaId> mediaIds, UserId by);

    /** Quarantines every upload of {@code uploader} that is neither protected nor quarantined; returns how many. */
    int quarantineUploadedBy(UserId uploader, UserId by);

    /** Lifts the quarantine; false when the media is unknown. */
    boolean unquarantine(MediaId mediaId);

    /** Marks media protected or not; false when the media is unknown. */
    boolean protect(MediaId mediaId, boolean safe);

    /** Unprotected uploads created before {@code before} and larger than {@code sizeGt} bytes. */
    List<MediaId> unprotectedCreatedBefore(Instant before, long sizeGt);

    /** Count and total length of each user's uploads, filtered, ordered and paged. */
    UsagePage usage(UsageQuery query);

    /** The admin's view of uploaded media (Synapse's local_media_repository row). */
    record StoredMedia(MediaId mediaId, UserId uploader, String contentType, long size, Optional<String> uploadName,
                       Instant createdAt, Optional<UserId> quarantinedBy, boolean safeFromQuarantine, String sha256) {
    }

    record MediaPage(List<StoredMedia> media, long total) {
    }

    /** The orders Synapse's user media listing offers ({@code order_by}). */
    enum MediaOrder {
        MEDIA_ID, UPLOAD_NAME, CREATED_TS, LAST_ACCESS_TS, MEDIA_LENGTH, MEDIA_TYPE, QUARANTINED_BY,
        SAFE_FROM_QUARANTINE
    }

    enum UsageOrder { USER_ID, DISPLAYNAME, MEDIA_LENGTH, MEDIA_COUNT }

    /** Synapse's statistics query: media created in [{@code fromTs}, {@code untilTs}], users matching a term. */
    record UsageQuery(UsageOrder order, boolean backwards, int from, int limit, Long fromTs, Long untilTs,
                      String searchTerm) {
    }

    record UserUsage(UserId userId, String displayname, long mediaCount, long mediaLength) {
    }

    record UsagePage(List<UserUsage> users, long total) {
    }
}
