package io.zhihang.domain.media;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The thumbnail sizes the server makes for each image, and the choice of which one answers a request.
 *
 * <p>The choice follows Synapse's {@code ThumbnailProvider._select_thumbnail}, applied to the sizes each configured
 * thumbnail actually comes out at for this source ({@link ThumbnailGeometry}), as Synapse applies it to the stored
 * thumbnails' dimensions. Only sizes of the requested method compete; sizes at least as wide <em>or</em> at least as
 * tall as requested are preferred over the rest, and within a group:
 * <ul>
 *   <li>{@code crop}: the closest aspect ratio ({@code |dw*th - dh*tw|}), then one at least as large in both
 *       dimensions, then the smallest {@code |(dw-tw)*(dh-th)|};</li>
 *   <li>{@code scale}: the smallest {@code |(dw-tw)*(dh-th)|}, so the smallest size at least as big, or the largest
 *       when none is big enough.</li>
 * </ul>
 * Ties go to the size listed first. Synapse's further tie-breaks (content type, file length) do not apply to sizes
 * that have not been rendered yet. Where no size of the requested method is configured, all sizes compete.
 */
public final class ThumbnailSizes {
    private static final ThumbnailSizes DEFAULTS = new ThumbnailSizes(List.of(
            new ThumbnailSize(32, 32, ThumbnailMethod.CROP),
            new ThumbnailSize(96, 96, ThumbnailMethod.CROP),
            new ThumbnailSize(320, 240, ThumbnailMethod.SCALE),
            new ThumbnailSize(640, 480, ThumbnailMethod.SCALE),
            new ThumbnailSize(800, 600, ThumbnailMethod.SCALE)));

    private final List<ThumbnailSize> sizes;

    private ThumbnailSizes(List<ThumbnailSize> sizes) {
        this.sizes = List.copyOf(sizes);
        if (this.sizes.isEmpty()) {
            throw new IllegalArgumentException("At least one thumbnail size is needed");
        }
        if (this.sizes.stream().distinct().count() != this.sizes.size()) {
            throw new IllegalArgumentException("Thumbnail sizes are listed twice: " + this.sizes);
        }
    }

    /** Synapse's default {@code thumbnail_sizes}: 32x32 and 96x96 crop, 320x240, 640x480 and 800x600 scale. */
    public static ThumbnailSizes defaults() {
        return DEFAULTS;
    }

    /** A configured list, in preference order for ties. */
    public static ThumbnailSizes of(List<ThumbnailSize> sizes) {
        return new ThumbnailSizes(sizes);
    }

    /** Every configured size, in configuration order. */
    public List<ThumbnailSize> all() {
        return sizes;
    }

    /** The configured size that best answers {@code request} for a source of the given pixel size. */
    public ThumbnailSize select(ThumbnailRequest request, int sourceWidth, int sourceHeight) {
        Objects.requireNonNull(request, "request");
        List<ThumbnailSize> candidates = sizes.stream().filter(size -> size.method() == request.method()).toList();
        if (candidates.isEmpty()) {
            candidates = sizes;
        }
        ThumbnailSize best = null;
        long[] bestRank = null;
        for (ThumbnailSize size : candidates) {
            ThumbnailGeometry output = size.geometryFor(sourceWidth, sourceHeight);
            long[] rank = rank(request, output.width(), output.height());
            if (bestRank == null || Arrays.compare(rank, bestRank) < 0) {
                best = size;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Lower is better, compared element by element. */
    private static long[] rank(ThumbnailRequest request, long tw, long th) {
        long dw = request.width();
        long dh = request.height();
        long bigEnough = tw >= dw || th >= dh ? 0 : 1;
        long sizeQuality = Math.abs((dw - tw) * (dh - th));
        return switch (request.method()) {
            case CROP -> new long[] {
                    bigEnough,
                    Math.abs(dw * th - dh * tw),
                    dw <= tw && dh <= th ? 0 : 1,
                    sizeQuality};
            case SCALE -> new long[] {bigEnough, sizeQuality};
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThumbnailSizes that && sizes.equals(that.sizes);
    }

    @Override
    public int hashCode() {
        return sizes.hashCode();
    }

    @Override
    public String toString() {
        return "ThumbnailSizes" + sizes;
    }
}
