package io.zhihang.domain.media;

import java.util.Objects;

/**
 * One thumbnail size the server makes: a box and how to fit the source into it. The picture actually produced for a
 * given source is {@link ThumbnailGeometry#of}, which may be smaller than the box (never upscaled).
 */
public record ThumbnailSize(int width, int height, ThumbnailMethod method) {
    public ThumbnailSize {
        Objects.requireNonNull(method, "method");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("A thumbnail size needs a positive width and height: " + width + "x" + height);
        }
    }

    /** The output dimensions for a source of this size. */
    public ThumbnailGeometry geometryFor(int sourceWidth, int sourceHeight) {
        return ThumbnailGeometry.of(sourceWidth, sourceHeight, this);
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + method.value();
    }
}
