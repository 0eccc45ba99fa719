package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

/**
 * The media repository over HTTP: uploads (direct and reserved), downloads on the authenticated and the legacy
 * paths with byte equality and safe headers, thumbnails, limits and every refusal.
 */
@QuarkusTest
class MediaApiTest {
    static final String UPLOAD = "/_matrix/media/v3/upload";
    static final String AUTHED = "/_matrix/client/v1/media";
    static final String LEGACY = "/_matrix/media/v3";
    /** {@code %test.zhihang.media.max-upload-bytes}. */
    static final int MAX_UPLOAD = 2 * 1024 * 1024;

    /** Authenticated, with the content type exactly as given (RestAssured would add a charset to text types). */
    static RequestSpecification raw(Matrix.Session user) {
        return as(user).config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    static String upload(Matrix.Session user, byte[] bytes, String contentType, String fileName) {
        var request = raw(user).contentType(contentType).body(bytes);
        if (fileName != null) {
            request = request.queryParam("filename", fileName);
        }
        return request.post(UPLOAD).then().statusCode(200)
                .body("content_uri", startsWith("mxc://localhost/")).extract().path("content_uri");
    }

    /** {@code server/id} of an {@code mxc://server/id}. */
    static String path(String mxc) {
        return mxc.substring("mxc://".length());
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void an_upload_downloads_byte_for_byte_on_every_path() {
        var alice = Matrix.registerFresh("media-alice");
        byte[] bytes = new byte[300_000];
        new java.util.Random(42).nextBytes(bytes);
        String mxc = upload(alice, bytes, "application/octet-stream", "blob.bin");

        byte[] authed = as(alice).get(AUTHED + "/download/" + path(mxc)).then().statusCode(200)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Length", String.valueOf(bytes.length))
                .header("Content-Disposition", "attachment; filename=blob.bin")
                .header("Content-Security-Policy", startsWith("sandbox;"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .extract().asByteArray();
        assertThat(authed).isEqualTo(bytes);
        for (String legacy : new String[]{"/_matrix/media/v3", "/_matrix/media/r0", "/_matrix/media/v1",
                "/_matrix/media/r1"}) {
            assertThat(RestAssured.get(legacy + "/download/" + path(mxc)).then().statusCode(200)
                    .header("Content-Security-Policy", startsWith("sandbox;"))
                    .extract().asByteArray()).as(legacy).isEqualTo(bytes);
        }
    }

    @Test
    void authenticated_media_needs_a_token() {
        var alice = Matrix.registerFresh("media-token");
        String mxc = upload(alice, "hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);
        RestAssured.get(AUTHED + "/download/" + path(mxc)).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.get(AUTHED + "/thumbnail/" + path(mxc) + "?width=32&height=32").then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.get(AUTHED + "/config").then().statusCode(401).body("errcode", equalTo("M_MISSING_TOKEN"));
        RestAssured.given().header("Authorization", "Bearer nope").get(AUTHED + "/download/" + path(mxc))
                .then().statusCode(401).body("errcode", equalTo("M_UNKNOWN_TOKEN"));
        RestAssured.given().contentType("text/plain").body("x").post(UPLOAD).then().statusCode(401)
                .body("errcode", equalTo("M_MISSING_TOKEN"));
    }

    @Test
    void only_safe_types_are_inline_and_text_is_utf8() {
        var alice = Matrix.registerFresh("media-types");
        String text = upload(alice, "héllo".getBytes(StandardCharsets.UTF_8), "text/plain", "notes.txt");
        as(alice).get(AUTHED + "/download/" + path(text)).then().statusCode(200)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Content-Disposition", "inline; filename=notes.txt");

        String html = upload(alice, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "text/html",
                "page.html");
        as(alice).get(AUTHED + "/download/" + path(html)).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=page.html")
                .header("Content-Security-Policy", startsWith("sandbox;"));

        String svg = upload(alice, "<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml", null);
        as(alice).get(AUTHED + "/download/" + path(svg)).then().statusCode(200)
                .header("Content-Type", "image/svg+xml").header("Content-Disposition", "attachment");

        String unnamed = upload(alice, png(4, 4), "image/png", "ünïcode name.png");
        as(alice).get(AUTHED + "/download/" + path(unnamed)).then().statusCode(200)
                .header("Content-Disposition", "inline; filename*=utf-8''%C3%BCn%C3%AFcode%20name.png");
        as(alice).get(AUTHED + "/download/" + path(unnamed) + "/other.png").then().statusCode(200)
                .header("Content-Disposition", "inline; filename=other.png");

        as(alice).contentType("text/plain").queryParam("filename", "a\nb").body("x").post(UPLOAD).then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void identical_uploads_are_stored_once() throws IOException {
        var alice = Matrix.registerFresh("media-dedupe");
        var bob = Matrix.registerFresh("media-dedupe-b");
        byte[] bytes = ("same bytes " + Matrix.freshName("x")).getBytes(StandardCharsets.UTF_8);
        String first = upload(alice, bytes, "text/plain", "a.txt");
        String second = upload(bob, bytes, "application/octet-stream", "b.bin");
        assertThat(first).isNotEqualTo(second);

        String sha = java.util.HexFormat.of().formatHex(sha256(bytes));
        java.nio.file.Path media = java.nio.file.Path.of("target/test-data/media");
        try (var files = java.nio.file.Files.walk(media)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(sha)).count()).isEqualTo(1);
        }
        assertThat(as(bob).get(AUTHED + "/download/" + path(first)).then().statusCode(200)
                .header("Content-Type", "text/plain; charset=utf-8").extract().asByteArray()).isEqualTo(bytes);
        as(alice).get(AUTHED + "/download/" + path(second)).then().statusCode(200)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=b.bin");
    }

    @Test
    void oversized_uploads_are_refused() {
        var alice = Matrix.registerFresh("media-big");
        as(alice).get(AUTHED + "/config").then().statusCode(200).body("'m.upload.size'", equalTo(MAX_UPLOAD));
        as(alice).get(LEGACY + "/config").then().statusCode(200).body("'m.upload.size'", equalTo(MAX_UPLOAD));
        as(alice).get("/_matrix/media/v1/config").then().statusCode(200).body("'m.upload.size'", equalTo(MAX_UPLOAD));

        byte[] tooBig = new byte[MAX_UPLOAD + 1];
        as(alice).contentType("application/octet-stream").body(tooBig).post(UPLOAD).then().statusCode(413)
                .body("errcode", equalTo("M_TOO_LARGE"));
        // without a Content-Length the body is counted as it streams in
        as(alice).contentType("application/octet-stream").body(new ByteArrayInputStream(tooBig)).post(UPLOAD)
                .then().statusCode(413).body("errcode", equalTo("M_TOO_LARGE"));
        byte[] justRight = new byte[MAX_UPLOAD];
        String mxc = upload(alice, justRight, "application/octet-stream", null);
        assertThat(as(alice).get(AUTHED + "/download/" + path(mxc)).then().statusCode(200).extract().asByteArray())
                .hasSize(MAX_UPLOAD);
    }

    @Test
    void a_reserved_id_is_filled_once_by_its_creator() throws Exception {
        var alice = Matrix.registerFresh("media-async");
        var bob = Matrix.registerFresh("media-async-b");
        Response created = as(alice).post("/_matrix/media/v1/create");
        created.then().statusCode(200).body("content_uri", startsWith("mxc://localhost/"))
                .body("unused_expires_at", greaterThan(System.currentTimeMillis()));
        String mxc = created.path("content_uri");

        as(alice).get(AUTHED + "/download/" + path(mxc) + "?timeout_ms=0").then().statusCode(504)
                .body("errcode", equalTo("M_NOT_YET_UPLOADED"));
        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() ->
                as(bob).get(AUTHED + "/download/" + path(mxc) + "?timeout_ms=30000").then().statusCode(200)
                        .extract().asByteArray());

        byte[] bytes = "late bytes".getBytes(StandardCharsets.UTF_8);
        as(bob).contentType("text/plain").body(bytes).put(LEGACY + "/upload/" + path(mxc)).then().statusCode(403)
                .body("errcode", equalTo("M_FORBIDDEN"));
        raw(alice).contentType("text/plain").body(bytes).put(LEGACY + "/upload/" + path(mxc)).then().statusCode(200);
        raw(alice).contentType("text/plain").body(bytes).put(LEGACY + "/upload/" + path(mxc)).then().statusCode(409)
                .body("errcode", equalTo("M_CANNOT_OVERWRITE_MEDIA"));

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(bytes);
        raw(alice).contentType("text/plain").body(bytes).put(LEGACY + "/upload/localhost/doesNotExist").then()
                .statusCode(404).body("errcode", equalTo("M_NOT_FOUND"));

        // the seed's POST spelling of the same upload
        String seed = as(alice).post("/_matrix/media/v1/create").then().statusCode(200).extract().path("content_uri");
        as(alice).contentType("text/plain").body(bytes).post(LEGACY + "/upload/" + path(seed)).then().statusCode(200);
        assertThat(as(alice).get(AUTHED + "/download/" + path(seed)).then().statusCode(200).extract().asByteArray())
                .isEqualTo(bytes);
    }

    @Test
    void a_user_holds_at_most_five_reservations() {
        var alice = Matrix.registerFresh("media-pending");
        for (int i = 0; i < 5; i++) {
            as(alice).post("/_matrix/media/v1/create").then().statusCode(200);
        }
        as(alice).post("/_matrix/media/v1/create").then().statusCode(429).body("errcode", equalTo("M_LIMIT_EXCEEDED"))
                .body("retry_after_ms", greaterThan(0));
    }

    @Test
    void unknown_and_remote_media_are_not_found() {
        var alice = Matrix.registerFresh("media-404");
        as(alice).get(AUTHED + "/download/localhost/nothingHere").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(AUTHED + "/download/localhost/bad.id").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(AUTHED + "/download/elsewhere.example/abc").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        RestAssured.get(LEGACY + "/download/localhost/nothingHere").then().statusCode(404)
                .body("errcode", equalTo("M_NOT_FOUND"));
        as(alice).get(AUTHED + "/download/localhost/x?timeout_ms=soon").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
    }

    @Test
    void thumbnails_are_scaled_or_cropped_and_never_upscaled() throws IOException {
        var alice = Matrix.registerFresh("media-thumbs");
        String mxc = upload(alice, png(1000, 800), "image/png", "big.png");

        byte[] scaled = as(alice).get(AUTHED + "/thumbnail/" + path(mxc) + "?width=320&height=240&method=scale")
                .then().statusCode(200).header("Content-Type", "image/png")
                .header("Content-Security-Policy", startsWith("sandbox;")).extract().asByteArray();
        BufferedImage s = decode(scaled);
        assertThat(s.getWidth()).isLessThanOrEqualTo(320).isGreaterThanOrEqualTo(299);
        assertThat(s.getHeight()).isEqualTo(240);

        byte[] cropped = as(alice).get(AUTHED + "/thumbnail/" + path(mxc) + "?width=96&height=96&method=crop")
                .then().statusCode(200).extract().asByteArray();
        BufferedImage c = decode(cropped);
        assertThat(c.getWidth()).isEqualTo(96);
        assertThat(c.getHeight()).isEqualTo(96);

        // the second request is served from the stored thumbnail, byte for byte
        assertThat(RestAssured.get(LEGACY + "/thumbnail/" + path(mxc) + "?width=96&height=96&method=crop")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(cropped);

        String small = upload(alice, png(20, 10), "image/png", null);
        BufferedImage notUpscaled = decode(as(alice)
                .get(AUTHED + "/thumbnail/" + path(small) + "?width=640&height=480&method=scale&animated=true")
                .then().statusCode(200).extract().asByteArray());
        assertThat(notUpscaled.getWidth()).isLessThanOrEqualTo(20);
        assertThat(notUpscaled.getHeight()).isLessThanOrEqualTo(10);
    }

    @Test
    void thumbnails_of_non_images_and_bad_parameters_are_refused() {
        var alice = Matrix.registerFresh("media-thumb-no");
        String text = upload(alice, "not an image".getBytes(StandardCharsets.UTF_8), "text/plain", null);
        as(alice).get(AUTHED + "/thumbnail/" + path(text) + "?width=32&height=32").then().statusCode(400)
                .body("errcode", equalTo("M_UNKNOWN"));
        String fake = upload(alice, "GIF89a but not really".getBytes(StandardCharsets.UTF_8), "image/gif", null);
        as(alice).get(AUTHED + "/thumbnail/" + path(fake) + "?width=32&height=32").then().statusCode(400)
                .body("errcode", equalTo("M_UNKNOWN"));
        String image = upload(alice, png(50, 50), "image/png", null);
        as(alice).get(AUTHED + "/thumbnail/" + path(image) + "?height=32").then().statusCode(400)
                .body("errcode", equalTo("M_MISSING_PARAM"));
        as(alice).get(AUTHED + "/thumbnail/" + path(image) + "?width=-1&height=32").then().statusCode(400)
                .body("errcode", equalTo("M_INVALID_PARAM"));
        as(alice).get(AUTHED + "/thumbnail/" + path(image) + "?width=32&height=32&method=stretch").then()
                .statusCode(400).body("errcode", equalTo("M_INVALID_PARAM"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
