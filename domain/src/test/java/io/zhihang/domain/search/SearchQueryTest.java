package io.zhihang.domain.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {
    private static boolean matches(String query, String text) {
        return SearchQuery.parse(query).matches(SearchText.indexed(text));
    }

    @Test
    void every_word_is_required_and_matches_as_a_prefix() {
        assertThat(matches("app pie", "I like apple pie")).isTrue();
        assertThat(matches("APPLE", "an Apple a day")).isTrue();
        assertThat(matches("apple cake", "I like apple pie")).isFalse();
        assertThat(matches("pple", "I like apple pie")).isFalse();
    }

    @Test
    void quoted_phrases_match_whole_words_in_order() {
        assertThat(matches("\"apple pie\"", "fresh apple pie today")).isTrue();
        assertThat(matches("\"pie apple\"", "fresh apple pie today")).isFalse();
        assertThat(matches("\"app pie\"", "fresh apple pie today")).isFalse();
        assertThat(matches("\"apple pie", "fresh apple pie today")).as("an unclosed quote runs to the end").isTrue();
    }

    @Test
    void a_minus_excludes_a_word_or_phrase() {
        assertThat(matches("apple -pie", "apple pie")).isFalse();
        assertThat(matches("apple -pie", "apple crumble")).isTrue();
        assertThat(matches("apple -\"crumble cake\"", "apple crumble cake")).isFalse();
        assertThat(matches("apple -\"crumble cake\"", "apple crumble")).isTrue();
        assertThat(SearchQuery.parse("-apple").isEmpty()).as("nothing positive to look for").isTrue();
    }

    @Test
    void or_separates_alternatives_and_and_is_implied() {
        assertThat(matches("apple or pear", "a ripe pear")).isTrue();
        assertThat(matches("apple OR pear", "a ripe plum")).isFalse();
        assertThat(matches("ripe and pear", "a ripe pear")).isTrue();
        assertThat(matches("green apple or ripe pear", "ripe apple")).isFalse();
        assertThat(SearchQuery.parse("or apple or").groups()).hasSize(1);
    }

    @Test
    void split_words_and_chinese_terms_become_phrases() {
        assertThat(matches("e-mail", "send an e-mail")).isTrue();
        assertThat(matches("e-mail", "mail it, e")).isFalse();
        assertThat(matches("测试", "这是一个测试消息")).isTrue();
        assertThat(matches("试测", "这是一个测试消息")).isFalse();
        assertThat(matches("测试 java", "用Java写的测试")).isTrue();
    }

    @Test
    void stop_words_are_dropped_and_an_empty_query_matches_nothing() {
        SearchQuery query = SearchQuery.parse("the apple");
        assertThat(query.positiveTerms()).extracting(SearchQuery.Term::words).containsExactly(List.of("apple"));
        assertThat(SearchQuery.parse("the").isEmpty()).isTrue();
        assertThat(SearchQuery.parse("  ").matches("anything")).isFalse();
        assertThat(SearchQuery.parse("\"the end\"").positiveTerms()).as("phrases keep every word")
                .extracting(SearchQuery.Term::words).containsExactly(List.of("the", "end"));
    }

    @Test
    void occurrences_rank_denser_texts_higher() {
        SearchQuery query = SearchQuery.parse("apple");
        assertThat(query.occurrences(SearchText.indexed("apple apple applesauce"))).isEqualTo(3);
        assertThat(query.occurrences(SearchText.indexed("an apple pie"))).isEqualTo(1);
    }

    @Test
    void highlights_are_the_terms_and_the_words_they_matched() {
        SearchQuery query = SearchQuery.parse("app \"pie crust\" 测试 -pear");
        assertThat(query.highlights()).containsExactly("app", "pie crust", "测试");
        assertThat(query.matchedWords(SearchText.indexed("Apple pie crust, applesauce, 测试"))).containsExactly(
                "apple", "applesauce", "pie crust", "测试");
    }

    @Test
    void long_queries_are_cut() {
        String many = String.join(" ", java.util.Collections.nCopies(40, "word"));
        assertThat(SearchQuery.parse(many).groups().getFirst()).hasSize(SearchQuery.MAX_TERMS);
    }
}
