package io.zhihang.application.port.out.media;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.preview.UrlPreview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The URL preview cache: previews by URL and the time they were made, kept a while for requests of past times. */
public interface UrlPreviewRepository {
    /**
     * The latest preview of {@code url} made at or before {@code at}; failing that, the earliest made after it
     * (Synapse's {@code get_url_cache}).
     */
    Optional<UrlPreview> find(String url, Instant at);

    void save(UrlPreview preview);

    /** Forgets the previews made before {@code cutoff}; returns the media ids of the images they kept. */
    List<MediaId> deleteDownloadedBefore(Instant cutoff);
}
