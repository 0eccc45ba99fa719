package io.zhihang.application.service.media;

import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.media.MediaBlobStore;
import io.zhihang.application.port.out.media.MediaRepository;
import io.zhihang.application.port.out.media.MediaThumbnailRepository;
import io.zhihang.application.port.out.media.UrlPreviewRepository;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.MediaUploadPolicy;
import io.zhihang.domain.media.PendingMedia;
import io.zhihang.domain.media.ThumbnailSize;
import io.zhihang.domain.media.preview.UrlPreview;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The short transactions of the media repository. Bytes are streamed into the store before any of these run, so
 * no database connection is held while a client uploads.
 */
@ApplicationScoped
public class MediaLedger {
    /** Bytes touched this recently may belong to an upload still in flight, so they are never removed. */
    static final Duration BLOB_GRACE = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(MediaLedger.class.getName());

    private final MediaRepository media;
    private final MediaThumbnailRepository thumbnails;
    private final MediaBlobStore blobs;
    private final MediaArrivals arrivals;
    private final AfterCommit afterCommit;
    private final UrlPreviewRepository urlPreviews;

    public MediaLedger(MediaRepository media, MediaThumbnailRepository thumbnails, MediaBlobStore blobs,
                       MediaArrivals arrivals, AfterCommit afterCommit, UrlPreviewRepository urlPreviews) {
        this.media = media;
        this.thumbnails = thumbnails;
        this.blobs = blobs;
        this.arrivals = arrivals;
        this.afterCommit = afterCommit;
        this.urlPreviews = urlPreviews;
    }

    @Transactional
    public void insert(MediaInfo info) {
        media.insert(info);
    }

    /** Keeps a URL preview for later requests (its image, if any, was inserted before). */
    @Transactional
    public void keepPreview(UrlPreview preview) {
        urlPreviews.save(preview);
    }

    /**
     * Forgets the URL previews made before {@code cutoff} and the images kept for them (whose bytes go as in
     * {@link #delete}).
     */
    @Transactional
    public void forgetPreviews(Instant cutoff, Instant now) {
        urlPreviews.deleteDownloadedBefore(cutoff).forEach(image -> delete(image, now));
    }

    @Transactional
    public PendingMedia reserve(UserId creator, MediaId mediaId, Instant now, MediaUploadPolicy policy) {
        MediaRepository.PendingUploads open = media.pending(creator, now);
        policy.checkPending(open.count(), open.oldestExpiry(), now);
        PendingMedia pending = new PendingMedia(mediaId, creator, now, policy.unusedExpiresAt(now));
        media.reserve(pending);
        return pending;
    }

    @Transactional
    public boolean fill(MediaInfo info) {
        boolean filled = media.fill(info);
        if (filled) {
            afterCommit.register(() -> arrivals.arrived(info.mediaId()), () -> { });
        }
        return filled;
    }

    @Transactional
    public void saveThumbnail(MediaId mediaId, ThumbnailSize size, MediaThumbnailRepository.StoredThumbnail stored) {
        thumbnails.save(mediaId, size, stored);
    }

    /**
     * Forgets a media id (and its thumbnails); after the commit its bytes go too unless other media share them or
     * they were stored within {@link #BLOB_GRACE}.
     */
    @Transactional
    public void delete(MediaId mediaId, Instant now) {
        List<String> contents = media.delete(mediaId);
        if (!contents.isEmpty()) {
            afterCommit.register(() -> contents.forEach(sha -> removeIfUnused(sha, now.minus(BLOB_GRACE))), () -> { });
        }
    }

    /**
     * An admin's deletion: as {@link #delete}, but the bytes go at once (no {@link #BLOB_GRACE}) unless stored again
     * at or after {@code now}, so that deleted media leaves nothing on disk. An upload of the very same bytes racing
     * with the deletion (stored just before {@code now}, its row not yet written) may lose them; docs/operations.md.
     */
    @Transactional
    public void deleteNow(MediaId mediaId, Instant now) {
        List<String> contents = media.delete(mediaId);
        if (!contents.isEmpty()) {
            afterCommit.register(() -> contents.forEach(sha -> removeIfUnused(sha, now)), () -> { });
        }
    }

    private void removeIfUnused(String sha256, Instant untouchedSince) {
        try {
            if (!media.referenced(sha256)) {
                blobs.deleteIfUntouchedSince(sha256, untouchedSince);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove unused media content " + sha256 + ": " + e.getMessage());
        }
    }
}
