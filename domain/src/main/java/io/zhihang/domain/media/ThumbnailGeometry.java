package io.zhihang.domain.media;

/**
 * Where a thumbnail comes from and how big it comes out: the rectangle of the source to take ({@code regionX},
 * {@code regionY}, {@code regionWidth}, {@code regionHeight}, in source pixels) and the size to draw it at
 * ({@code width} x {@code height}).
 *
 * <p>{@code scale} fits the whole source inside the box, keeping its aspect ratio (Synapse's {@code Thumbnailer.aspect},
 * rounding down, never below one pixel). {@code crop} gives exactly the box's aspect ratio from the centre of the
 * source. Neither ever upscales ("Servers SHOULD NOT upscale thumbnails under any circumstance"): a source smaller
 * than the box comes out at its own size ({@code scale}) or as the largest centred box-shaped part of it
 * ({@code crop}), so the output is never larger than the source region in either dimension.
 */
public record ThumbnailGeometry(int regionX, int regionY, int regionWidth, int regionHeight, int width, int height) {
    public ThumbnailGeometry {
        if (regionX < 0 || regionY < 0 || regionWidth < 1 || regionHeight < 1 || width < 1 || height < 1
                || width > regionWidth || height > regionHeight) {
            throw new IllegalArgumentException("Not a downscaling geometry: region " + regionX + "," + regionY + " "
                    + regionWidth + "x" + regionHeight + " to " + width + "x" + height);
        }
    }

    /** The geometry of {@code size} applied to a source of {@code sourceWidth} x {@code sourceHeight} pixels. */
    public static ThumbnailGeometry of(int sourceWidth, int sourceHeight, ThumbnailSize size) {
        return switch (size.method()) {
            case SCALE -> scale(sourceWidth, sourceHeight, size.width(), size.height());
            case CROP -> crop(sourceWidth, sourceHeight, size.width(), size.height());
        };
    }

    /** The largest size with the source's aspect ratio that fits in the box, but no larger than the source. */
    public static ThumbnailGeometry scale(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
        requirePositive(sourceWidth, sourceHeight, boxWidth, boxHeight);
        if (sourceWidth <= boxWidth && sourceHeight <= boxHeight) {
            return new ThumbnailGeometry(0, 0, sourceWidth, sourceHeight, sourceWidth, sourceHeight);
        }
        long sw = sourceWidth;
        long sh = sourceHeight;
        int width;
        int height;
        if (boxWidth * sh < boxHeight * sw) {
            width = boxWidth;
            height = (int) Math.max(boxWidth * sh / sw, 1);
        } else {
            width = (int) Math.max(boxHeight * sw / sh, 1);
            height = boxHeight;
        }
        return new ThumbnailGeometry(0, 0, sourceWidth, sourceHeight, width, height);
    }

    /**
     * The centred part of the source with the box's aspect ratio, drawn at the box's size; when the source is smaller
     * than the box in either dimension, that part is drawn at its own size instead.
     */
    public static ThumbnailGeometry crop(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
        requirePositive(sourceWidth, sourceHeight, boxWidth, boxHeight);
        long sw = sourceWidth;
        long sh = sourceHeight;
        int regionWidth;
        int regionHeight;
        if (boxWidth * sh > boxHeight * sw) {
            // The source is taller than the box: keep the full width, cut top and bottom.
            regionWidth = sourceWidth;
            regionHeight = (int) Math.clamp(sw * boxHeight / boxWidth, 1, sh);
        } else {
            // The source is wider than the box (or the same shape): keep the full height, cut left and right.
            regionWidth = (int) Math.clamp(sh * boxWidth / boxHeight, 1, sw);
            regionHeight = sourceHeight;
        }
        int regionX = (sourceWidth - regionWidth) / 2;
        int regionY = (sourceHeight - regionHeight) / 2;
        boolean boxFitsInSource = boxWidth <= sourceWidth && boxHeight <= sourceHeight;
        if (boxFitsInSource) {
            return new ThumbnailGeometry(regionX, regionY, regionWidth, regionHeight, boxWidth, boxHeight);
        }
        return new ThumbnailGeometry(regionX, regionY, regionWidth, regionHeight, regionWidth, regionHeight);
    }

    /** Whether the region is drawn at its own size, so the renderer only has to copy pixels. */
    public boolean isUnscaled() {
        return width == regionWidth && height == regionHeight;
    }

    private static void requirePositive(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
        if (sourceWidth < 1 || sourceHeight < 1 || boxWidth < 1 || boxHeight < 1) {
            throw new IllegalArgumentException("Dimensions must be positive: source " + sourceWidth + "x" + sourceHeight
                    + ", box " + boxWidth + "x" + boxHeight);
        }
    }
}
