package io.zhihang.application.port.out.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * An encoded thumbnail, ready to store and serve.
 *
 * @param contentType {@code image/png} or {@code image/jpeg}
 * @param width       the actual pixel width, which may be smaller than the requested size (never upscaled)
 * @param height      the actual pixel height
 */
public record RenderedThumbnail(byte[] bytes, String contentType, int width, int height) {
    public RenderedThumbnail {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("A thumbnail has a positive size: " + width + "x" + height);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The encoded length in bytes, without copying them. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedThumbnail that && Arrays.equals(bytes, that.bytes)
                && contentType.equals(that.contentType) && width == that.width && height == that.height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), contentType, width, height);
    }

    @Override
    public String toString() {
        return "RenderedThumbnail[" + contentType + ", " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
