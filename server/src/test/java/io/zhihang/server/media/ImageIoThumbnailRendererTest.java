package io.zhihang.server.media;

import io.zhihang.application.port.out.media.RenderedThumbnail;
import io.zhihang.domain.media.ThumbnailMethod;
import io.zhihang.domain.media.ThumbnailSize;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

import static io.zhihang.domain.media.ThumbnailMethod.CROP;
import static io.zhihang.domain.media.ThumbnailMethod.SCALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageIoThumbnailRendererTest {
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    /** 80x40, lossy: left half red, right half blue (made with ffmpeg's libwebp). */
    private static final String LOSSY_WEBP = "UklGRmQAAABXRUJQVlA4IFgAAABwBQCdASpQACgAPjEWiUMiISEURAAgAwSygEqB/APwA1QrgH4A"
            + "fqr/AACPnbPbsW7nx4IAAP73oo5vc1jPxgIwtt/In/hO9u63//7NsuNeQ5HPJ8IAAAAA";
    /** 80x40, lossless: left half transparent, right half blue. */
    private static final String ALPHA_WEBP = "UklGRioAAABXRUJQVlA4TB0AAAAvT8AJEA8QMf/zHww1bRsw4U+6C0G/iP5PAKt9AQA=";
    /** 80x40, animated, two frames: red, then blue. */
    private static final String ANIMATED_WEBP = "UklGRpAAAABXRUJQVlA4WAoAAAACAAAATwAAJwAAQU5JTQYAAAD/////AABBTk1GLgAAAAAA"
            + "AAAAAE8AACcAAAAAAAJWUDhMFQAAAC9PwAkABxD9j/4HgITw/70W0f/UAQBBTk1GLgAAAAAAAAAAAE8AACcAAAAAAABWUDhMFQAAAC9P"
            + "wAkABxDR//4HgITw/70W0f/UAQA=";

    private final ImageIoThumbnailRenderer renderer = new ImageIoThumbnailRenderer();

    @Test
    void scales_a_png_into_the_box_keeping_its_aspect_ratio() throws IOException {
        byte[] png = encode(halves(400, 200, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        RenderedThumbnail thumbnail = render(png, "image/png", 320, 240, SCALE);

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.height()).isEqualTo(160);
        BufferedImage decoded = decode(thumbnail);
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(160);
        assertColor(decoded, 10, 80, Color.RED);
        assertColor(decoded, 310, 80, Color.BLUE);
    }

    @Test
    void crops_the_centre_to_the_box_shape() throws IOException {
        // 400x100: red | green | blue in thirds-ish; a square crop keeps the green middle only.
        BufferedImage image = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
        fill(image, 0, 150, Color.RED);
        fill(image, 150, 250, Color.GREEN);
        fill(image, 250, 400, Color.BLUE);

        RenderedThumbnail thumbnail = render(encode(image, "png"), "image/png", 32, 32, CROP);

        BufferedImage decoded = decode(thumbnail);
        assertThat(decoded.getWidth()).isEqualTo(32);
        assertThat(decoded.getHeight()).isEqualTo(32);
        assertColor(decoded, 1, 16, Color.GREEN);
        assertColor(decoded, 30, 16, Color.GREEN);
    }

    @Test
    void never_upscales_a_small_source() throws IOException {
        byte[] png = encode(halves(100, 50, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        assertThat(dimensions(render(png, "image/png", 800, 600, SCALE))).containsExactly(100, 50);
        assertThat(dimensions(render(png, "image/png", 96, 96, CROP))).containsExactly(50, 50);
    }

    @Test
    void renders_a_one_pixel_image() throws IOException {
        byte[] png = encode(halves(1, 1, Color.RED, Color.RED, BufferedImage.TYPE_INT_RGB), "png");

        RenderedThumbnail scaled = render(png, "image/png", 320, 240, SCALE);
        RenderedThumbnail cropped = render(png, "image/png", 32, 32, CROP);

        assertThat(dimensions(scaled)).containsExactly(1, 1);
        assertThat(dimensions(cropped)).containsExactly(1, 1);
        assertColor(decode(scaled), 0, 0, Color.RED);
    }

    @Test
    void renders_extreme_aspect_ratios() throws IOException {
        byte[] line = encode(halves(3000, 2, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        assertThat(dimensions(render(line, "image/png", 320, 240, SCALE))).containsExactly(320, 1);
        assertThat(dimensions(render(line, "image/png", 96, 96, CROP))).containsExactly(2, 2);
    }

    @Test
    void a_large_source_is_decoded_subsampled_and_still_comes_out_right() throws IOException {
        byte[] png = encode(halves(3000, 2000, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        RenderedThumbnail thumbnail = render(png, "image/png", 320, 240, SCALE);

        assertThat(dimensions(thumbnail)).containsExactly(320, 213);
        assertColor(decode(thumbnail), 5, 100, Color.RED);
        assertColor(decode(thumbnail), 315, 100, Color.BLUE);
    }

    @Test
    void a_jpeg_becomes_a_jpeg() throws IOException {
        byte[] jpeg = encode(halves(640, 480, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "jpeg");

        RenderedThumbnail thumbnail = render(jpeg, "image/jpeg", 320, 240, SCALE);

        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(dimensions(thumbnail)).containsExactly(320, 240);
        BufferedImage decoded = decode(thumbnail);
        assertThat(decoded.getColorModel().hasAlpha()).isFalse();
        assertColor(decoded, 20, 120, Color.RED);
        assertColor(decoded, 300, 120, Color.BLUE);
    }

    @Test
    void a_transparent_png_keeps_its_transparency() throws IOException {
        byte[] png = encode(halves(200, 100, TRANSPARENT, Color.BLUE, BufferedImage.TYPE_INT_ARGB), "png");

        RenderedThumbnail thumbnail = render(png, "image/png", 96, 96, CROP);

        BufferedImage decoded = decode(thumbnail);
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(alpha(decoded, 2, 48)).isZero();
        assertColor(decoded, 93, 48, Color.BLUE);
        assertThat(alpha(decoded, 93, 48)).isEqualTo(255);
    }

    @Test
    void an_opaque_png_comes_out_without_an_alpha_channel() throws IOException {
        byte[] png = encode(halves(200, 100, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        assertThat(decode(render(png, "image/png", 32, 32, CROP)).getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void a_gif_becomes_a_png() throws IOException {
        byte[] gif = encode(halves(200, 100, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "gif");

        RenderedThumbnail thumbnail = render(gif, "image/gif", 96, 96, CROP);

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(dimensions(thumbnail)).containsExactly(96, 96);
        assertColor(decode(thumbnail), 5, 48, Color.RED);
    }

    @Test
    void an_animated_gif_gives_a_still_of_its_first_frame() throws IOException {
        byte[] gif = animatedGif(
                halves(120, 90, Color.RED, Color.RED, BufferedImage.TYPE_INT_RGB),
                halves(120, 90, Color.BLUE, Color.BLUE, BufferedImage.TYPE_INT_RGB));

        RenderedThumbnail thumbnail = render(gif, "image/gif", 32, 32, CROP);

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(dimensions(thumbnail)).containsExactly(32, 32);
        assertColor(decode(thumbnail), 16, 16, Color.RED);
    }

    @Test
    void decodes_webp() throws IOException {
        RenderedThumbnail thumbnail = render(Base64.getDecoder().decode(LOSSY_WEBP), "image/webp", 32, 32, CROP);

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(dimensions(thumbnail)).containsExactly(32, 32);
        // The centre square of red | blue is half red, half blue.
        assertColor(decode(thumbnail), 2, 16, Color.RED);
        assertColor(decode(thumbnail), 29, 16, Color.BLUE);
    }

    @Test
    void a_transparent_webp_keeps_its_transparency() throws IOException {
        RenderedThumbnail thumbnail = render(Base64.getDecoder().decode(ALPHA_WEBP), "image/webp", 320, 240, SCALE);

        BufferedImage decoded = decode(thumbnail);
        assertThat(dimensions(thumbnail)).containsExactly(80, 40);
        assertThat(alpha(decoded, 5, 20)).isZero();
        assertColor(decoded, 75, 20, Color.BLUE);
    }

    @Test
    void an_animated_webp_gives_a_still_of_its_first_frame() throws IOException {
        RenderedThumbnail thumbnail = render(Base64.getDecoder().decode(ANIMATED_WEBP), "image/webp", 32, 32, CROP);

        assertThat(dimensions(thumbnail)).containsExactly(32, 32);
        assertColor(decode(thumbnail), 16, 16, Color.RED);
    }

    @Test
    void content_type_parameters_and_case_do_not_matter() throws IOException {
        byte[] png = encode(halves(10, 10, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        assertThat(renderer.render(new ByteArrayInputStream(png), "Image/PNG; foo=bar", size(32, 32, CROP))).isPresent();
    }

    @Test
    void content_types_synapse_does_not_thumbnail_are_refused() throws IOException {
        byte[] png = encode(halves(10, 10, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");

        assertThat(renderer.render(new ByteArrayInputStream(png), "application/octet-stream", size(32, 32, CROP))).isEmpty();
        assertThat(renderer.render(new ByteArrayInputStream(png), "image/svg+xml", size(32, 32, CROP))).isEmpty();
        assertThat(renderer.render(new ByteArrayInputStream(png), null, size(32, 32, CROP))).isEmpty();
    }

    @Test
    void text_is_not_an_image() throws IOException {
        byte[] text = "Hello, world! This is not a picture.".getBytes(StandardCharsets.UTF_8);

        assertThat(renderer.render(new ByteArrayInputStream(text), "image/png", size(32, 32, CROP))).isEmpty();
        assertThat(renderer.render(new ByteArrayInputStream(new byte[0]), "image/jpeg", size(32, 32, CROP))).isEmpty();
    }

    @Test
    void a_truncated_png_is_not_an_image() throws IOException {
        BufferedImage noise = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                noise.setRGB(x, y, (x * 7919 + y * 104_729) * 31);
            }
        }
        byte[] png = encode(noise, "png");

        for (int length : new int[] {8, 20, 33, png.length / 2, png.length - 1000}) {
            byte[] truncated = Arrays.copyOf(png, length);
            assertThat(renderer.render(new ByteArrayInputStream(truncated), "image/png", size(96, 96, CROP)))
                    .as("first %d bytes", length)
                    .isEmpty();
        }
    }

    @Test
    void formats_outside_the_allowlist_are_not_decoded() throws IOException {
        byte[] bmp = encode(halves(10, 10, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "bmp");

        assertThat(renderer.render(new ByteArrayInputStream(bmp), "image/png", size(32, 32, CROP))).isEmpty();
    }

    @Test
    void a_decompression_bomb_is_refused_from_its_header_without_decoding() throws IOException {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);

        // Decoding 10^10 RGBA pixels would need 40 GB: coming back empty shows the header was enough.
        assertThat(renderer.render(new ByteArrayInputStream(bomb), "image/png", size(32, 32, CROP))).isEmpty();
    }

    @Test
    void the_pixel_limit_is_configurable() throws IOException {
        byte[] png = encode(halves(100, 100, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");
        ImageIoThumbnailRenderer strict = new ImageIoThumbnailRenderer(9_999);

        assertThat(strict.render(new ByteArrayInputStream(png), "image/png", size(32, 32, CROP))).isEmpty();
        assertThat(new ImageIoThumbnailRenderer(10_000)
                .render(new ByteArrayInputStream(png), "image/png", size(32, 32, CROP))).isPresent();
    }

    @Test
    void a_failing_source_stream_is_an_io_error_not_a_bad_image() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk on fire");
            }
        };

        assertThatThrownBy(() -> renderer.render(broken, "image/png", size(32, 32, CROP)))
                .isInstanceOf(IOException.class)
                .hasMessage("disk on fire");
    }

    @Test
    void does_not_close_the_callers_stream() throws IOException {
        byte[] png = encode(halves(10, 10, Color.RED, Color.BLUE, BufferedImage.TYPE_INT_RGB), "png");
        boolean[] closed = {false};
        InputStream source = new ByteArrayInputStream(png) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        renderer.render(source, "image/png", size(32, 32, CROP));

        assertThat(closed[0]).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private RenderedThumbnail render(byte[] bytes, String contentType, int width, int height, ThumbnailMethod method)
            throws IOException {
        Optional<RenderedThumbnail> thumbnail =
                renderer.render(new ByteArrayInputStream(bytes), contentType, size(width, height, method));
        assertThat(thumbnail).isPresent();
        return thumbnail.orElseThrow();
    }

    private static ThumbnailSize size(int width, int height, ThumbnailMethod method) {
        return new ThumbnailSize(width, height, method);
    }

    private static int[] dimensions(RenderedThumbnail thumbnail) throws IOException {
        BufferedImage decoded = decode(thumbnail);
        assertThat(new int[] {decoded.getWidth(), decoded.getHeight()})
                .containsExactly(thumbnail.width(), thumbnail.height());
        return new int[] {thumbnail.width(), thumbnail.height()};
    }

    private static BufferedImage decode(RenderedThumbnail thumbnail) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(image).as("decodable " + thumbnail.contentType()).isNotNull();
        return image;
    }

    private static BufferedImage halves(int width, int height, Color left, Color right, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        fill(image, 0, width / 2, left);
        fill(image, width / 2, width, right);
        return image;
    }

    private static void fill(BufferedImage image, int fromX, int toX, Color color) {
        Graphics2D g = image.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.setColor(color);
            g.fillRect(fromX, 0, toX - fromX, image.getHeight());
        } finally {
            g.dispose();
        }
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("writer for " + format).isTrue();
        return out.toByteArray();
    }

    private static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        assertThat(ImageIO.getImageReadersByFormatName("gif").hasNext()).isTrue();
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk declaring the given size, then a few bytes of image data and IEND. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0x00, 0x00});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void assertColor(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y), true);
        assertThat(Math.abs(actual.getRed() - expected.getRed())
                + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue()))
                .as("colour at %d,%d: %s, expected about %s", x, y, actual, expected)
                .isLessThan(60);
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y), true).getAlpha();
    }
}
