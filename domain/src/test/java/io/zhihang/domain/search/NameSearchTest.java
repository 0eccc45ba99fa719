package io.zhihang.domain.search;

import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class NameSearchTest {
    @Test
    void every_term_starts_a_word_of_the_localpart_or_the_display_name() {
        NameSearch search = NameSearch.parse("Ali smi");
        assertThat(search.terms()).containsExactly("ali", "smi");
        assertThat(search.matches("alice", "Bob Smith")).isTrue();
        assertThat(search.matches("bob.smith", "Alice")).isTrue();
        assertThat(search.matches("alice", "Bob")).isFalse();
        assertThat(NameSearch.parse("lice").matches("alice", "Alice Smith")).isFalse();
    }

    @Test
    void chinese_terms_match_anywhere_in_the_display_name() {
        NameSearch search = NameSearch.parse("三丰");
        assertThat(search.terms()).containsExactly("三丰");
        assertThat(search.matches("zsf", "张三丰")).isTrue();
        assertThat(search.matches("zsf", "张三")).isFalse();
        assertThat(NameSearch.parse("张 sf").terms()).containsExactly("张", "sf");
    }

    @Test
    void separators_alone_search_nothing_and_long_searches_are_cut() {
        assertThat(NameSearch.parse(" @:. ").isEmpty()).isTrue();
        assertThat(NameSearch.parse(String.join(" ", Collections.nCopies(20, "w"))).terms())
                .hasSize(NameSearch.MAX_TERMS);
    }
}
