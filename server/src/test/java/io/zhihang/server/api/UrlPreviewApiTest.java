package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static io.zhihang.server.api.Matrix.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

/**
 * URL previews of a real (local) web site, as a user sees them: Open Graph pages, plain HTML, a direct image, the
 * image copied into the media repository, redirects followed and checked, the cache, and every refusal (an internal
 * address reached through a redirect, too many redirects, an error page, a type without preview, too large, too slow).
 * The profile lets previews reach 127.0.0.1 only.
 */
@QuarkusTest
@TestProfile(UrlPreviewProfile.class)
class UrlPreviewApiTest {
    static final String PREVIEW = "/_matrix/client/v1/media/preview_url";
    private static WebPages site;

    @Inject
    TestClock clock;

    @BeforeAll
    static void startSite() throws IOException {
        site = new WebPages(UrlPreviewProfile.MAX_BYTES + 1024);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void an_open_graph_page_previews_as_its_tags_with_its_image_in_the_media_repository() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        String mxc = as(alice).queryParam("url", site.url("/og.html")).get(PREVIEW).then().statusCode(200)
                .body("'og:title'", equalTo("A cat on a mat"))
                .body("'og:description'", equalTo("The story of a cat that sat on a mat."))
                .body("'og:type'", equalTo("article"))
                .body("'og:site_name'", equalTo("@cats"))
                .body("'og:image'", startsWith("mxc://localhost/"))
                .body("'og:image:type'", equalTo("image/png"))
                .body("'og:image:width'", equalTo(WebPages.IMAGE_WIDTH))
                .body("'og:image:height'", equalTo(WebPages.IMAGE_HEIGHT))
                .body("'matrix:image:size'", equalTo(WebPages.IMAGE.length))
                .extract().path("'og:image'");

        byte[] image = as(alice).get("/_matrix/client/v1/media/download/" + MediaApiTest.path(mxc)).then()
                .statusCode(200).extract().asByteArray();
        assertThat(image).isEqualTo(WebPages.IMAGE);
    }

    @Test
    void a_plain_page_previews_as_its_title_description_and_largest_image() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        as(alice).queryParam("url", site.url("/plain.html")).get(PREVIEW).then().statusCode(200)
                .body("'og:title'", equalTo("Plain page"))
                .body("'og:description'", equalTo("Nothing but HTML here."))
                .body("'og:image'", startsWith("mxc://localhost/"))
                .body("'og:image:width'", equalTo(WebPages.IMAGE_WIDTH));
    }

    @Test
    void a_page_without_tags_previews_as_its_first_heading_and_its_text() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        as(alice).queryParam("url", site.url("/text-only.html")).get(PREVIEW).then().statusCode(200)
                .body("'og:title'", equalTo("Heading as title"))
                .body("'og:description'", equalTo("Heading as title\n\nFirst paragraph of the story."))
                .body("$", not(hasKey("og:image")));
    }

    @Test
    void an_image_url_previews_as_the_image_itself() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        as(alice).queryParam("url", site.url("/img/cat.png")).get("/_matrix/media/v3/preview_url").then()
                .statusCode(200)
                .body("'og:description'", equalTo("cat.png"))
                .body("'og:image'", startsWith("mxc://localhost/"))
                .body("'og:image:type'", equalTo("image/png"))
                .body("'og:image:width'", equalTo(WebPages.IMAGE_WIDTH))
                .body("'matrix:image:size'", equalTo(WebPages.IMAGE.length));
    }

    @Test
    void redirects_are_followed_within_the_limit() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        as(alice).queryParam("url", site.url("/redirect-og")).get("/_matrix/media/r0/preview_url").then()
                .statusCode(200).body("'og:title'", equalTo("A cat on a mat"));
        as(alice).queryParam("url", site.url("/redirect-loop")).get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_UNKNOWN")).body("error", equalTo("Too many redirects"));
        assertThat(site.hits("/redirect-loop")).isEqualTo(3);
    }

    @Test
    void a_redirect_to_an_internal_address_is_refused_before_connecting() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        int before = site.hits("/og.html");
        as(alice).queryParam("url", site.url("/redirect-internal")).get(PREVIEW).then().statusCode(403)
                .body("errcode", equalTo("M_UNKNOWN")).body("error", equalTo("IP address blocked"));
        assertThat(site.hits("/og.html")).isEqualTo(before);
    }

    @Test
    void a_url_is_fetched_once_within_the_cache_period_whatever_ts_says() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        Matrix.Session bob = Matrix.registerFresh("previewer");
        as(alice).queryParam("url", site.url("/counted.html")).get(PREVIEW).then().statusCode(200)
                .body("'og:title'", equalTo("A cat on a mat"));
        as(bob).queryParam("url", site.url("/counted.html")).queryParam("ts", Instant.now().toEpochMilli())
                .get(PREVIEW).then().statusCode(200).body("'og:title'", equalTo("A cat on a mat"));
        assertThat(site.hits("/counted.html")).isEqualTo(1);
    }

    @Test
    void after_the_hour_the_page_is_fetched_again_and_ts_still_finds_the_earlier_preview() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        String url = site.url("/versioned.html");
        Instant first = clock.freeze();
        as(alice).queryParam("url", url).get(PREVIEW).then().statusCode(200)
                .body("'og:title'", equalTo("Version 1"));

        clock.advance(Duration.ofMinutes(61));
        as(alice).queryParam("url", url).get(PREVIEW).then().statusCode(200)
                .body("'og:title'", equalTo("Version 2"));

        clock.advance(Duration.ofMinutes(61));
        as(alice).queryParam("url", url).queryParam("ts", first.plus(Duration.ofMinutes(10)).toEpochMilli())
                .get(PREVIEW).then().statusCode(200).body("'og:title'", equalTo("Version 1"));
        assertThat(site.hits("/versioned.html")).isEqualTo(2);
    }

    @Test
    void pages_that_cannot_be_previewed_are_bad_gateway_errors() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        as(alice).queryParam("url", site.url("/missing")).get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_UNKNOWN")).body("error", equalTo("Got error 404"));
        as(alice).queryParam("url", site.url("/archive.zip")).get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("Requested file's content type not allowed for this operation: application/zip"));
        as(alice).queryParam("url", "http://127.0.0.1:1/").get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_UNKNOWN"));
    }

    @Test
    void bodies_over_the_limit_are_too_large_whether_declared_or_streamed() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        String tooLarge = "Requested file is too large > " + UrlPreviewProfile.MAX_BYTES + " bytes";
        as(alice).queryParam("url", site.url("/huge-declared.html")).get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_TOO_LARGE")).body("error", equalTo(tooLarge));
        as(alice).queryParam("url", site.url("/huge-streamed.html")).get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_TOO_LARGE")).body("error", equalTo(tooLarge));
    }

    @Test
    void a_page_that_does_not_answer_in_time_is_given_up() {
        Matrix.Session alice = Matrix.registerFresh("previewer");
        Instant start = Instant.now();
        as(alice).queryParam("url", site.url("/slow.html")).get(PREVIEW).then().statusCode(502)
                .body("errcode", equalTo("M_UNKNOWN"))
                .body("error", equalTo("Requested file took too long to download"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }
}
