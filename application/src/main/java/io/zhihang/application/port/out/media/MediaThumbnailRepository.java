package io.zhihang.application.port.out.media;

import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.ThumbnailSize;

import java.util.Optional;

/** Thumbnails made so far, one per media and configured size, so each is rendered once. */
public interface MediaThumbnailRepository {
    Optional<StoredThumbnail> find(MediaId mediaId, ThumbnailSize size);

    /** Records a rendered thumbnail; a concurrent render of the same one already recorded wins silently. */
    void save(MediaId mediaId, ThumbnailSize size, StoredThumbnail thumbnail);

    /** A stored thumbnail: its bytes' SHA-256 and length, type and actual dimensions. */
    record StoredThumbnail(String sha256, long size, String contentType, int width, int height) {
    }
}
