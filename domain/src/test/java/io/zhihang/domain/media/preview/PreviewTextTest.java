package io.zhihang.domain.media.preview;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewTextTest {

    @Test
    void short_text_is_kept_whole_with_paragraphs_apart() {
        assertThat(PreviewText.summarize(List.of("Hello   world", "Second\tparagraph")))
                .contains("Hello world\n\nSecond paragraph");
        assertThat(PreviewText.summarize(List.of())).isEmpty();
        assertThat(PreviewText.summarize(List.of("  "))).isEmpty();
    }

    @Test
    void long_text_is_cut_at_a_word_with_an_ellipsis() {
        String summary = PreviewText.summarize(List.of("word ".repeat(300))).orElseThrow();
        assertThat(summary).endsWith("word…").hasSizeLessThanOrEqualTo(PreviewText.MAX_SIZE + 1);
    }

    @Test
    void overlong_tags_are_dropped() {
        assertThat(OpenGraphTags.withoutOverlong(Map.of("og:title", "t", "og:" + "x".repeat(60), "v",
                "og:description", "d".repeat(1001)))).containsOnlyKeys("og:title");
    }
}
