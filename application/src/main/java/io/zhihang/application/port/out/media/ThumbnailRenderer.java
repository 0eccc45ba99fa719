package io.zhihang.application.port.out.media;

import io.zhihang.domain.media.ThumbnailSize;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Draws one thumbnail of an uploaded image. The output geometry is {@link io.zhihang.domain.media.ThumbnailGeometry}
 * for the source's dimensions; the renderer only decodes, resamples and encodes.
 */
public interface ThumbnailRenderer {
    /**
     * Renders {@code source} at {@code size}. Reads the stream but does not close it.
     *
     * @param contentType the media's stored content type, which picks the output format (PNG keeps transparency,
     *                    JPEG for JPEG sources); the bytes themselves decide how they are decoded
     * @return the thumbnail, or empty when the content is not an image this renderer can (or will) decode: an unknown
     *         or corrupt format, or one too large to decode safely. Bad images never throw.
     * @throws IOException only when reading {@code source} itself fails
     */
    Optional<RenderedThumbnail> render(InputStream source, String contentType, ThumbnailSize size) throws IOException;

    /**
     * The size of the image in {@code source}, read from its header without decoding the pixels; empty under the
     * same conditions as {@link #render}. Reads the stream but does not close it.
     */
    Optional<Dimensions> dimensions(InputStream source, String contentType) throws IOException;

    /** Pixel width and height of an image. */
    record Dimensions(int width, int height) {
    }
}
