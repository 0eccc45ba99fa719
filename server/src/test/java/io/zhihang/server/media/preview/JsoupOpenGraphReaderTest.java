package io.zhihang.server.media.preview;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Synapse's Open Graph extraction (its {@code tests/media/test_html_preview.py} cases, in short). */
class JsoupOpenGraphReaderTest {
    private final JsoupOpenGraphReader reader = new JsoupOpenGraphReader();

    private Map<String, String> read(String html) {
        return reader.read(html.getBytes(StandardCharsets.UTF_8), "text/html");
    }

    @Test
    void open_graph_tags_win_and_twitter_cards_fill_in() {
        assertThat(read("""
                <html><head><meta property="og:title" content="OG title">
                <meta name="twitter:title" content="Twitter title">
                <meta name="twitter:description" content="Twitter description">
                <meta name="twitter:card" content="summary"><meta name="twitter:site" content="@site">
                <meta property="article:author" content="Ann"><meta property="og:empty" content="">
                </head></html>"""))
                .containsEntry("og:title", "OG title")
                .containsEntry("og:description", "Twitter description")
                .containsEntry("og:site_name", "@site")
                .containsEntry("article:author", "Ann")
                .doesNotContainKeys("og:card", "og:empty", "twitter:title");
    }

    @Test
    void without_tags_the_title_description_and_largest_image_stand_in() {
        assertThat(read("""
                <html><head><title>Page title</title><meta name="DESCRIPTION" content="Meta description">
                <link rel="shortcut icon" href="/favicon.ico"></head>
                <body><h1>Heading</h1><img src="small.png" width="20" height="20">
                <img src="large.png" width="200" height="100"><img src="no-size.png"></body></html>"""))
                .containsEntry("og:title", "Page title")
                .containsEntry("og:description", "Meta description")
                .containsEntry("og:image", "large.png");
    }

    @Test
    void the_description_is_the_visible_text_and_the_favicon_the_last_resort() {
        assertThat(read("""
                <html><head><link rel="icon" href="/favicon.png"></head><body>
                <nav>Menu</nav><script>var x;</script><!-- a comment -->
                <h2>Sub heading</h2><p>Visible   words.</p><div role="menu">Menu items</div>
                <footer>Footer</footer></body></html>"""))
                .containsEntry("og:title", "Sub heading")
                .containsEntry("og:description", "Sub heading\n\nVisible words.")
                .containsEntry("og:image", "/favicon.png");
    }

    @Test
    void an_itemprop_image_comes_before_the_images_of_the_page() {
        assertThat(read("""
                <html><head><meta itemprop="image" content="/schema.png"></head>
                <body><img src="/page.png" width="400" height="400"></body></html>"""))
                .containsEntry("og:image", "/schema.png");
    }

    @Test
    void the_charset_of_the_content_type_decodes_the_page_and_bad_html_is_read_as_browsers_do() {
        byte[] latin1 = "<title>Café</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader.read(latin1, "text/html; charset=ISO-8859-1")).containsEntry("og:title", "Café");
        assertThat(reader.read(latin1, "text/html; charset=no-such-charset")).containsKey("og:title");
        assertThat(read("<title>Unclosed <b>bold <meta property=og:title content=x")).isNotNull();
        assertThat(read("")).isEmpty();
    }

    @Test
    void a_page_with_more_than_fifty_tags_of_a_kind_has_none_of_them() {
        String many = "<meta property=\"og:tag%d\" content=\"v\">".repeat(51).formatted(
                java.util.stream.IntStream.range(0, 51).boxed().toArray());
        assertThat(read("<html><head>" + many + "<title>T</title></head></html>"))
                .containsEntry("og:title", "T").doesNotContainKey("og:tag0");
    }
}
