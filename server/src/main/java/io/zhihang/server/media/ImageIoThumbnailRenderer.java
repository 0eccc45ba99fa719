package io.zhihang.server.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.zhihang.application.port.out.media.RenderedThumbnail;
import io.zhihang.application.port.out.media.ThumbnailRenderer;
import io.zhihang.domain.media.ThumbnailGeometry;
import io.zhihang.domain.media.ThumbnailSize;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Thumbnails with the JDK's ImageIO and Java2D, plus TwelveMonkeys' WebP reader. Runs headless.
 *
 * <p>Like Synapse's {@code Thumbnailer} it decodes only JPEG, PNG, GIF and WebP (every decoder allowed is attack
 * surface), only the first frame of an animation, and only for the content types Synapse thumbnails. It reads the
 * dimensions from the header before decoding and refuses images over {@link #DEFAULT_MAX_PIXELS} (decompression
 * bombs); it decodes only the region it needs, subsampled to about twice the output size, so memory follows the
 * thumbnail rather than the source. It shrinks in halving steps with bilinear filtering and a bicubic last step.
 * JPEG sources become JPEG thumbnails (quality 0.8, drawn on white); the rest become PNG, which keeps transparency.
 * EXIF orientation is not applied.
 *
 * <p>Rendering is CPU-bound and blocking: call it off the event loop.
 */
@ApplicationScoped
public class ImageIoThumbnailRenderer implements ThumbnailRenderer {
    static {
        // Java2D must never look for a display; this runs before the first AWT class is touched through this renderer.
        System.setProperty("java.awt.headless", "true");
        // ImageIO finds plug-ins through the context class loader of whoever touches it first; register WebP
        // explicitly so it does not depend on which thread that was.
        IIORegistry.getDefaultInstance().registerServiceProvider(new WebPImageReaderSpi(), ImageReaderSpi.class);
        // Keep ImageIO's stream caches in memory rather than in temporary files.
        ImageIO.setUseCache(false);
    }

    /** Synapse's default {@code max_image_pixels}, "32M" (32 * 1024 * 1024). */
    public static final long DEFAULT_MAX_PIXELS = 32L * 1024 * 1024;

    /** The content types Synapse thumbnails ({@code THUMBNAIL_SUPPORTED_MEDIA_FORMAT_MAP}). */
    static final Set<String> SUPPORTED_CONTENT_TYPES =
            Set.of("image/jpeg", "image/jpg", "image/png", "image/gif", "image/webp");

    private static final Set<String> DECODED_FORMATS = Set.of("jpeg", "png", "gif", "webp");
    private static final float JPEG_QUALITY = 0.8f;
    private static final Logger LOG = Logger.getLogger(ImageIoThumbnailRenderer.class);

    private final long maxPixels;

    public ImageIoThumbnailRenderer() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** With a different decompression-bomb limit, in source pixels. */
    public ImageIoThumbnailRenderer(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
    }

    @Override
    public Optional<RenderedThumbnail> render(InputStream source, String contentType, ThumbnailSize size)
            throws IOException {
        if (!supports(contentType)) {
            return Optional.empty();
        }
        ReadFailureTracking tracked = new ReadFailureTracking(source);
        Optional<RenderedThumbnail> thumbnail;
        try (ImageInputStream input = new MemoryCacheImageInputStream(tracked)) {
            thumbnail = render(input, size);
        } catch (IOException | RuntimeException e) {
            // Decoders report corrupt input with all sorts of exceptions; none of them is the server's fault.
            LOG.debugf("Cannot thumbnail %s content: %s", contentType, e.toString());
            thumbnail = Optional.empty();
        }
        // ImageIO swallows some read errors (while sniffing the format, for one): a failing source is never "not an
        // image".
        if (tracked.failure != null) {
            throw tracked.failure;
        }
        return thumbnail;
    }

    @Override
    public Optional<Dimensions> dimensions(InputStream source, String contentType) throws IOException {
        if (!supports(contentType)) {
            return Optional.empty();
        }
        ReadFailureTracking tracked = new ReadFailureTracking(source);
        Optional<Dimensions> dimensions;
        try (ImageInputStream input = new MemoryCacheImageInputStream(tracked)) {
            dimensions = dimensions(input);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Cannot read the size of %s content: %s", contentType, e.toString());
            dimensions = Optional.empty();
        }
        if (tracked.failure != null) {
            throw tracked.failure;
        }
        return dimensions;
    }

    /** The first frame's size from the header alone, if the image is one this renderer will decode. */
    private Optional<Dimensions> dimensions(ImageInputStream input) throws IOException {
        ImageReader reader = readerFor(input);
        if (reader == null) {
            return Optional.empty();
        }
        try {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                return Optional.empty();
            }
            return Optional.of(new Dimensions(width, height));
        } finally {
            reader.dispose();
        }
    }

    private Optional<RenderedThumbnail> render(ImageInputStream input, ThumbnailSize size) throws IOException {
        ImageReader reader = readerFor(input);
        if (reader == null) {
            return Optional.empty();
        }
        try {
            boolean jpeg = formatOf(reader).equals("jpeg");
            reader.setInput(input, true, true);
            int sourceWidth = reader.getWidth(0);
            int sourceHeight = reader.getHeight(0);
            if (sourceWidth < 1 || sourceHeight < 1 || (long) sourceWidth * sourceHeight > maxPixels) {
                LOG.debugf("Not thumbnailing a %dx%d image (limit %d pixels)", sourceWidth, sourceHeight, maxPixels);
                return Optional.empty();
            }
            ThumbnailGeometry geometry = size.geometryFor(sourceWidth, sourceHeight);
            BufferedImage decoded = reader.read(0, readParam(reader, geometry));
            boolean alpha = !jpeg && decoded.getColorModel().hasAlpha();
            BufferedImage thumbnail = resample(decoded, geometry.width(), geometry.height(), alpha);
            byte[] bytes = jpeg ? encodeJpeg(thumbnail) : encodePng(thumbnail);
            return Optional.of(new RenderedThumbnail(
                    bytes, jpeg ? "image/jpeg" : "image/png", thumbnail.getWidth(), thumbnail.getHeight()));
        } finally {
            reader.dispose();
        }
    }

    private static boolean supports(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return SUPPORTED_CONTENT_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    /** The first reader of an allowed format that recognises the bytes, or null. */
    private static ImageReader readerFor(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (DECODED_FORMATS.contains(formatOf(reader))) {
                return reader;
            }
        }
        return null;
    }

    private static String formatOf(ImageReader reader) {
        return reader.getOriginatingProvider() == null ? ""
                : Arrays.stream(reader.getOriginatingProvider().getFormatNames())
                        .map(name -> name.toLowerCase(Locale.ROOT))
                        .filter(DECODED_FORMATS::contains)
                        .findFirst()
                        .orElse("");
    }

    /** Decode only the region needed, skipping pixels while the result stays at least twice the output size. */
    private static ImageReadParam readParam(ImageReader reader, ThumbnailGeometry geometry) {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(
                geometry.regionX(), geometry.regionY(), geometry.regionWidth(), geometry.regionHeight()));
        int subsampling = Math.max(1, Math.min(
                geometry.regionWidth() / (2 * geometry.width()),
                geometry.regionHeight() / (2 * geometry.height())));
        if (subsampling > 1) {
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        return param;
    }

    /**
     * Shrinks to exactly {@code width} x {@code height}: bilinear halving steps while the image is more than twice
     * the target, then one bicubic step. Always copies at least once, which also flattens transparency onto white
     * when the output has no alpha and normalises odd source pixel formats.
     */
    static BufferedImage resample(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            boolean last = w == width && h == height;
            current = draw(current, w, h, alpha ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB,
                    last ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        } while (w != width || h != height);
        // Premultiplied alpha filters without dark fringes; PNG wants it straight.
        return alpha ? draw(current, width, height, BufferedImage.TYPE_INT_ARGB,
                RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR) : current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            } else {
                g.setComposite(AlphaComposite.Src);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IllegalStateException("No PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] encodeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Remembers whether the caller's stream itself failed, which is the one failure that is not the image's fault. */
    private static final class ReadFailureTracking extends FilterInputStream {
        IOException failure;

        ReadFailureTracking(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() {
            // The caller owns the source stream.
        }
    }
}
