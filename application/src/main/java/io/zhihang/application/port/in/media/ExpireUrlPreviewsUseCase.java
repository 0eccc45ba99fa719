package io.zhihang.application.port.in.media;

/** Housekeeping: forgets URL previews and their images after {@link io.zhihang.domain.media.preview.UrlPreview#IMAGE_RETENTION}. */
public interface ExpireUrlPreviewsUseCase {
    void expire();
}
