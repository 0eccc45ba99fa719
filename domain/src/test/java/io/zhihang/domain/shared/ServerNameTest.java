package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerNameTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "matrix.org", "matrix.org:8888", "localhost", "1.2.3.4", "1.2.3.4:1234",
            "[1234:5678::abcd]", "[1234:5678::abcd]:5678", "[::1]", "Example-Host.ORG"})
    void accepts_the_spec_grammar_examples(String name) {
        assertThat(new ServerName(name).value()).isEqualTo(name);
        assertThat(new ServerName(name)).hasToString(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "matrix.org:", "matrix.org:123456", "matrix.org:port", "exa mple.org", "ex_ample.org",
            "[1234:5678::abcd", "1234:5678::abcd", "[]", "matrix.org/path", "@matrix.org", "mätrix.org"})
    void refuses_names_outside_the_grammar(String name) {
        assertThatThrownBy(() -> new ServerName(name))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void allows_a_hostname_of_255_characters_but_not_256() {
        assertThat(new ServerName("a".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new ServerName("a".repeat(256))).isInstanceOf(DomainException.class);
    }

    @Test
    void is_a_value_compared_by_its_text() {
        assertThat(new ServerName("example.org")).isEqualTo(new ServerName("example.org"))
                .isNotEqualTo(new ServerName("example.org:8448"));
    }
}
