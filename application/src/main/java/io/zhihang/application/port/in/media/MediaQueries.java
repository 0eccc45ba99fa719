package io.zhihang.application.port.in.media;

import io.zhihang.domain.media.ThumbnailRequest;

import java.time.Duration;

/**
 * Reading media: the content, thumbnails of images, and the upload limit. Content reserved but not yet uploaded is
 * waited for up to {@code maxWait}.
 */
public interface MediaQueries {
    MediaContent download(String serverName, String mediaId, Duration maxWait);

    MediaContent thumbnail(String serverName, String mediaId, ThumbnailRequest request, Duration maxWait);

    long maxUploadBytes();
}
