package io.zhihang.domain.media;

import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * What the server keeps about an uploaded piece of content, beside the bytes: who uploaded it, its type, size and
 * name, and the SHA-256 of the bytes (the key of the content-addressed store).
 */
public record MediaInfo(MediaId mediaId, UserId uploader, MediaContentType contentType, long size,
                        Optional<String> uploadName, String sha256, Instant createdAt) implements MediaEntry {

    /** The same content as another type (a voice upload is whatever audio type the server found). */
    public MediaInfo withContentType(MediaContentType type) {
        return new MediaInfo(mediaId, uploader, type, size, uploadName, sha256, createdAt);
    }
}
