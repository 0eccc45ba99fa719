package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomAliasTest {

    @ParameterizedTest
    @ValueSource(strings = {"#room:example.org", "#Room.Name-1_x=y/z:example.org:8448", "#日本語:example.org",
            "#with space:[::1]", "#😀:localhost"})
    void accepts_aliases_in_the_grammar(String raw) {
        RoomAlias alias = RoomAlias.parse(raw);

        assertThat(alias).hasToString(raw);
        assertThat(alias.server()).isEqualTo(new ServerName(raw.substring(raw.indexOf(':') + 1)));
        assertThat(alias.alias()).isEqualTo(raw.substring(1, raw.indexOf(':')));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"#", "room:example.org", "!room:example.org", "#:example.org", "#room", "#room:",
            "#room:bad server", "#ro\u0000om:example.org", "#a\uDE00:example.org"})
    void refuses_aliases_outside_the_grammar(String raw) {
        assertThatThrownBy(() -> RoomAlias.parse(raw)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void refuses_a_colon_in_the_alias_part_when_built_from_parts() {
        assertThatThrownBy(() -> new RoomAlias("a:b", new ServerName("example.org"))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new RoomAlias("a", null)).isInstanceOf(DomainException.class);
    }

    @Test
    void limits_the_length_to_255_bytes() {
        ServerName server = new ServerName("example.org");

        assertThat(RoomAlias.parse("#" + "a".repeat(242) + ":example.org").toString()).hasSize(255);
        assertThatThrownBy(() -> new RoomAlias("a".repeat(243), server)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new RoomAlias("日".repeat(81), server)).isInstanceOf(DomainException.class);
    }

    @Test
    void knows_whether_it_is_local() {
        RoomAlias alias = RoomAlias.parse("#a:example.org");

        assertThat(alias.isLocalTo(new ServerName("example.org"))).isTrue();
        assertThat(alias.isLocalTo(new ServerName("other.org"))).isFalse();
    }

    @Test
    void a_new_alias_must_be_local_and_free_of_whitespace() {
        ServerName local = new ServerName("example.org");

        assertThat(RoomAlias.parseNew("#lobby:example.org", local)).hasToString("#lobby:example.org");
        assertThatThrownBy(() -> RoomAlias.parseNew("#lobby:other.org", local)).isInstanceOf(DomainException.class)
                .hasMessageContaining("this server");
        assertThatThrownBy(() -> RoomAlias.parseNew("#the lobby:example.org", local))
                .isInstanceOf(DomainException.class).hasMessageContaining("Invalid characters");
        assertThatThrownBy(() -> RoomAlias.parseNew("#tab\there:example.org", local))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RoomAlias.parseNew("lobby", local)).isInstanceOf(DomainException.class);
    }
}
