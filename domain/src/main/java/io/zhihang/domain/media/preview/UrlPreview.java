package io.zhihang.domain.media.preview;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.protocol.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A preview made of a URL at {@code downloadedAt}: the Open Graph object clients are given, the media id of the image
 * kept for it, if any, and until when it is served without fetching the page again (Synapse's
 * {@code local_media_repository_url_cache} row).
 */
public record UrlPreview(String url, Instant downloadedAt, Instant expiresAt, JsonObject openGraph,
                         Optional<MediaId> image) {
    /** How long a preview is served from the cache (Synapse assumes an hour, whatever the page's headers say). */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** How long the images of previews are kept (Synapse's {@code IMAGE_CACHE_EXPIRY_MS}: two days). */
    public static final Duration IMAGE_RETENTION = Duration.ofDays(2);

    /** Whether this preview may answer a request for the URL as of {@code ts}. */
    public boolean freshAt(Instant ts) {
        return expiresAt.isAfter(ts);
    }
}
