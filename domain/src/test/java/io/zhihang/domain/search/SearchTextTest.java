package io.zhihang.domain.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {
    @Test
    void words_are_lower_cased_runs_of_letters_and_digits() {
        assertThat(SearchText.words("Hello, World! e-mail me at bob@example.org (v2.0)"))
                .containsExactly("hello", "world", "e", "mail", "me", "at", "bob", "example", "org", "v2", "0");
    }

    @Test
    void chinese_and_japanese_characters_are_one_word_each() {
        assertThat(SearchText.words("这是一个测试消息")).containsExactly("这", "是", "一", "个", "测", "试", "消", "息");
        assertThat(SearchText.words("用Java写的服务器")).containsExactly("用", "java", "写", "的", "服", "务", "器");
        assertThat(SearchText.words("ひらがなカタカナ")).hasSize(8);
        assertThat(SearchText.words("한국어 텍스트")).containsExactly("한국어", "텍스트");
    }

    @Test
    void compatibility_forms_and_accents_are_normalised() {
        assertThat(SearchText.words("ＡＢＣ１２３ Ｃafé")).containsExactly("abc123", "café");
        assertThat(SearchText.words("Cafe\u0301")).containsExactly("café");
    }

    @Test
    void nothing_but_separators_and_overlong_words_leave_no_words() {
        assertThat(SearchText.words("  -- !! \u0000 ")).isEmpty();
        assertThat(SearchText.words(null)).isEmpty();
        assertThat(SearchText.words("x".repeat(SearchText.MAX_WORD_LENGTH + 1) + " short")).containsExactly("short");
        assertThat(SearchText.indexed("A  b\tC")).isEqualTo("a b c");
    }
}
