package io.zhihang.domain.media.preview;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewUrlTest {

    @Test
    void only_absolute_http_and_https_urls_with_a_host_are_previewed() {
        assertThat(PreviewUrl.parse("https://example.org/a?b=c#d").requestTarget()).isEqualTo("/a?b=c");
        assertThat(PreviewUrl.parse("http://example.org").requestTarget()).isEqualTo("/");
        assertThat(PreviewUrl.parse("http://example.org").port()).isEqualTo(80);
        assertThat(PreviewUrl.parse("https://example.org").port()).isEqualTo(443);
        assertThat(PreviewUrl.parse("http://[::1]:8080/").host()).isEqualTo("::1");
        assertThat(PreviewUrl.parse("http://[::1]:8080/").hostIsAddress()).isTrue();
        assertThat(PreviewUrl.parse("http://127.0.0.1/").hostIsAddress()).isTrue();
        assertThat(PreviewUrl.parse("http://localhost/").hostIsAddress()).isFalse();
        for (String bad : new String[] {"file:///etc/passwd", "ftp://example.org/", "gopher://x/", "/relative",
                "data:text/html,hi", "http:///nohost", "not a url"}) {
            assertThatThrownBy(() -> PreviewUrl.parse(bad)).as(bad).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
        }
        assertThatThrownBy(() -> PreviewUrl.parse(null)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.MISSING_PARAM);
        assertThatThrownBy(() -> PreviewUrl.parse("http://example.org/" + "a".repeat(PreviewUrl.MAX_LENGTH)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void links_resolve_against_the_page_and_must_be_http_too() {
        PreviewUrl page = PreviewUrl.parse("https://example.org/news/story.html");
        assertThat(page.resolve("/img/a.png")).map(PreviewUrl::toString).contains("https://example.org/img/a.png");
        assertThat(page.resolve("b.png")).map(PreviewUrl::toString).contains("https://example.org/news/b.png");
        assertThat(page.resolve("//cdn.example.net/c.png")).map(PreviewUrl::toString)
                .contains("https://cdn.example.net/c.png");
        assertThat(page.resolve("http://10.0.0.1/")).map(PreviewUrl::toString).contains("http://10.0.0.1/");
        assertThat(page.resolve("file:///etc/passwd")).isEmpty();
        assertThat(page.resolve("javascript:alert(1)")).isEmpty();
        assertThat(page.resolve("")).isEmpty();
    }
}
