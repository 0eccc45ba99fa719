package io.zhihang.application.service.media;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.MediaSettings;
import io.zhihang.application.port.in.media.MediaContent;
import io.zhihang.application.port.in.media.MediaQueries;
import io.zhihang.application.port.in.media.MediaUpload;
import io.zhihang.application.port.in.media.UploadMediaUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.media.MediaBlob;
import io.zhihang.application.port.out.media.MediaBlobStore;
import io.zhihang.application.port.out.media.MediaRepository;
import io.zhihang.application.port.out.media.StoredBlob;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.media.MediaContentType;
import io.zhihang.domain.media.MediaEntry;
import io.zhihang.domain.media.MediaFileName;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.MxcUri;
import io.zhihang.domain.media.PendingMedia;
import io.zhihang.domain.media.ThumbnailRequest;
import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.ratelimit.RateLimiter;
import io.zhihang.application.port.out.admin.RateLimitOverrides;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local media repository: uploads (direct and reserved), downloads that wait for reserved content, and the
 * upload limits. Remote media would need federation, so other servers' media is not found.
 */
@ApplicationScoped
public class MediaService implements UploadMediaUseCase, MediaQueries {
    private static final Duration WAIT_SLICE = Duration.ofSeconds(1);

    private final HomeserverSettings homeserver;
    private final MediaSettings settings;
    private final MediaRepository media;
    private final MediaLedger ledger;
    private final MediaBlobStore blobs;
    private final MediaArrivals arrivals;
    private final MediaThumbnails thumbnails;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final RateLimiter createLimiter;
    private final RateLimitOverrides overrides;

    public MediaService(HomeserverSettings homeserver, MediaSettings settings, MediaRepository media,
                        MediaLedger ledger, MediaBlobStore blobs, MediaArrivals arrivals, MediaThumbnails thumbnails,
                        IdGenerator ids, InstantSource clock, RateLimitOverrides overrides) {
        this.overrides = overrides;
        this.homeserver = homeserver;
        this.settings = settings;
        this.media = media;
        this.ledger = ledger;
        this.blobs = blobs;
        this.arrivals = arrivals;
        this.thumbnails = thumbnails;
        this.ids = ids;
        this.clock = clock;
        this.createLimiter = new RateLimiter(settings.create());
    }

    @Override
    public MediaInfo upload(Requester requester, MediaUpload upload) {
        limitCreation(requester);
        MediaInfo info = store(new MediaId(ids.mediaId()), requester, upload);
        ledger.insert(info);
        return info;
    }

    /**
     * An upload that must pass {@code check} (which reads the stored bytes) before it becomes media; its type is
     * then the one {@code typeOf} derives from the check's result, not the declared one.
     */
    public <T> Checked<T> upload(Requester requester, MediaUpload upload, Function<MediaBlob, T> check,
                                 Function<T, MediaContentType> typeOf) {
        limitCreation(requester);
        MediaInfo stored = store(new MediaId(ids.mediaId()), requester, upload);
        T result = check.apply(bytesOf(stored));
        MediaInfo info = stored.withContentType(typeOf.apply(result));
        ledger.insert(info);
        return new Checked<>(info, result);
    }

    /** Media stored after a check, and what the check found. */
    public record Checked<T>(MediaInfo media, T result) {
    }

    @Override
    public PendingMedia create(Requester requester) {
        limitCreation(requester);
        return ledger.reserve(requester.userId(), new MediaId(ids.mediaId()), clock.instant(), settings.uploads());
    }

    @Override
    public MediaInfo uploadTo(Requester requester, String serverName, String mediaId, MediaUpload upload) {
        MediaId id = local(serverName, mediaId);
        switch (media.find(id).orElseThrow(MediaService::unknown)) {
            case MediaInfo uploaded -> throw PendingMedia.alreadyUploaded();
            case PendingMedia pending -> pending.checkUploadBy(requester.userId(), clock.instant());
        }
        MediaInfo info = store(id, requester, upload);
        if (!ledger.fill(info)) {
            throw PendingMedia.alreadyUploaded();
        }
        return info;
    }

    @Override
    public MxcUri uri(MediaId mediaId) {
        return new MxcUri(homeserver.serverName(), mediaId);
    }

    @Override
    public MediaContent download(String serverName, String mediaId, Duration maxWait) {
        MediaInfo info = awaitContent(local(serverName, mediaId), maxWait);
        return new MediaContent(info.contentType(), info.uploadName(), bytesOf(info));
    }

    @Override
    public MediaContent thumbnail(String serverName, String mediaId, ThumbnailRequest request, Duration maxWait) {
        MediaInfo info = awaitContent(local(serverName, mediaId), maxWait);
        return thumbnails.thumbnail(info, bytesOf(info), request);
    }

    @Override
    public long maxUploadBytes() {
        return settings.uploads().maxUploadBytes();
    }

    /** Forgets a media id; its bytes go once nothing else refers to them. */
    public void delete(MediaId mediaId) {
        ledger.delete(mediaId, clock.instant());
    }

    /** Stored content of a local media id, without waiting (for the voice messages that own it). */
    public MediaBlob bytesOf(MediaInfo info) {
        return blobs.open(info.sha256()).orElseThrow(() -> DomainException.notFound("Media content is missing"));
    }

    private MediaInfo store(MediaId id, Requester requester, MediaUpload upload) {
        upload.declaredLength().ifPresent(settings.uploads()::checkSize);
        MediaContentType type = MediaContentType.declared(upload.contentType());
        var fileName = upload.fileName().map(MediaFileName::check);
        StoredBlob blob;
        try {
            blob = blobs.store(upload.body(), settings.uploads().maxUploadBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        }
        return new MediaInfo(id, requester.userId(), type, blob.size(), fileName, blob.sha256(), clock.instant());
    }

    private void limitCreation(Requester requester) {
        if (!settings.rateLimited() || requester.admin()) {
            return;
        }
        Optional<RateLimitOverride> override = overrides.find(requester.userId());
        if (override.isEmpty()) {
            createLimiter.acquire(requester.userId().toString(), clock.instant());
        } else {
            override.get().limit().ifPresent(own ->
                    createLimiter.acquire(requester.userId().toString(), clock.instant(), own));
        }
    }

    private MediaId local(String serverName, String mediaId) {
        if (!homeserver.serverName().value().equals(serverName)) {
            throw DomainException.notFound("Media of other servers is not available here");
        }
        if (!MediaId.isValid(mediaId)) {
            throw unknown();
        }
        return new MediaId(mediaId);
    }

    private MediaInfo awaitContent(MediaId id, Duration maxWait) {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            MediaEntry entry = media.find(id).orElseThrow(MediaService::unknown);
            Instant now = clock.instant();
            switch (entry) {
                case MediaInfo info -> {
                    return info;
                }
                case PendingMedia pending when pending.expired(now) -> throw unknown();
                case PendingMedia pending -> {
                    if (!now.isBefore(deadline)) {
                        throw new DomainException(ErrorKind.NOT_YET_UPLOADED, "Media has not been uploaded yet");
                    }
                    Duration left = Duration.between(now, deadline);
                    arrivals.await(id, left.compareTo(WAIT_SLICE) < 0 ? left : WAIT_SLICE);
                }
            }
        }
    }

    private static DomainException unknown() {
        return DomainException.notFound("Unknown media");
    }
}
