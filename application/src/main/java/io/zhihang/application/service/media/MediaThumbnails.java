package io.zhihang.application.service.media;

import io.zhihang.application.config.MediaSettings;
import io.zhihang.application.port.in.media.MediaContent;
import io.zhihang.application.port.out.media.MediaBlob;
import io.zhihang.application.port.out.media.MediaBlobStore;
import io.zhihang.application.port.out.media.MediaThumbnailRepository;
import io.zhihang.application.port.out.media.MediaThumbnailRepository.StoredThumbnail;
import io.zhihang.application.port.out.media.RenderedThumbnail;
import io.zhihang.application.port.out.media.StoredBlob;
import io.zhihang.application.port.out.media.ThumbnailRenderer;
import io.zhihang.domain.media.MediaContentType;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.ThumbnailRequest;
import io.zhihang.domain.media.ThumbnailSize;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Thumbnails of images, made on first request in the configured size that best fits the request (Synapse's choice)
 * and kept, so each is rendered once. Content that is not an image the renderer can read gets 400 {@code M_UNKNOWN},
 * as the spec answers a thumbnail the server cannot make.
 */
@ApplicationScoped
public class MediaThumbnails {
    private final MediaSettings settings;
    private final MediaThumbnailRepository stored;
    private final MediaBlobStore blobs;
    private final MediaLedger ledger;
    private final ThumbnailRenderer renderer;

    public MediaThumbnails(MediaSettings settings, MediaThumbnailRepository stored, MediaBlobStore blobs,
                           MediaLedger ledger, ThumbnailRenderer renderer) {
        this.settings = settings;
        this.stored = stored;
        this.blobs = blobs;
        this.ledger = ledger;
        this.renderer = renderer;
    }

    MediaContent thumbnail(MediaInfo info, MediaBlob source, ThumbnailRequest request) {
        if (!info.contentType().isImage()) {
            throw cannotThumbnail();
        }
        try {
            ThumbnailRenderer.Dimensions dimensions;
            try (InputStream in = source.open()) {
                dimensions = renderer.dimensions(in, info.contentType().essence()).orElseThrow(
                        MediaThumbnails::cannotThumbnail);
            }
            ThumbnailSize size = settings.thumbnails().select(request, dimensions.width(), dimensions.height());
            Optional<StoredThumbnail> made = stored.find(info.mediaId(), size);
            if (made.isPresent()) {
                Optional<MediaBlob> bytes = blobs.open(made.get().sha256());
                if (bytes.isPresent()) {
                    return content(made.get().contentType(), bytes.get());
                }
            }
            return render(info, source, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a thumbnail", e);
        }
    }

    private MediaContent render(MediaInfo info, MediaBlob source, ThumbnailSize size) throws IOException {
        RenderedThumbnail rendered;
        try (InputStream in = source.open()) {
            rendered = renderer.render(in, info.contentType().essence(), size).orElseThrow(
                    MediaThumbnails::cannotThumbnail);
        }
        StoredBlob blob = blobs.store(rendered.bytes());
        try {
            ledger.saveThumbnail(info.mediaId(), size, new StoredThumbnail(blob.sha256(), blob.size(),
                    rendered.contentType(), rendered.width(), rendered.height()));
        } catch (RuntimeException racedWithAnotherRender) {
            // the other render's row serves the next request; this one still answers with its own bytes
        }
        return content(rendered.contentType(), blobs.open(blob.sha256()).orElseThrow());
    }

    private static MediaContent content(String contentType, MediaBlob bytes) {
        return new MediaContent(MediaContentType.declared(contentType), Optional.empty(), bytes);
    }

    private static DomainException cannotThumbnail() {
        return new DomainException(ErrorKind.UNKNOWN, "Cannot generate a thumbnail of this content");
    }
}
