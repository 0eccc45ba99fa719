package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomIdTest {
    /** The 43-character URL-safe hash of a v12 room id. */
    private static final String HASH = "Fgzzp0S1NQ5S_4mCSJc8z9cWfR7Bz-fI5OUnjFd2lMc";

    @ParameterizedTest
    @ValueSource(strings = {"!abc:example.org", "!jEsUZKDJdhlrceRyVU:example.org", "!a:localhost:8448",
            "!x:[::1]:8448", "!x:1.2.3.4", "!日本語 \u0001 with spaces:example.org", "!😀:example.org"})
    void accepts_the_opaque_id_and_server_form(String raw) {
        RoomId id = RoomId.parse(raw);

        assertThat(id.value()).isEqualTo(raw);
        assertThat(id).hasToString(raw);
        assertThat(id.isCreateEventHash()).isFalse();
        assertThat(id.server()).contains(new ServerName(raw.substring(raw.indexOf(':') + 1)));
    }

    @Test
    void splits_at_the_leftmost_colon() {
        RoomId id = RoomId.parse("!abc:example.org:8448");

        assertThat(id.opaqueId()).isEqualTo("abc");
        assertThat(id.server()).contains(new ServerName("example.org:8448"));
    }

    @Test
    void accepts_the_v12_hash_form_without_a_server() {
        RoomId id = RoomId.parse("!" + HASH);

        assertThat(id.server()).isEmpty();
        assertThat(id.isCreateEventHash()).isTrue();
        assertThat(id.opaqueId()).isEqualTo(HASH);
        assertThat(RoomId.ofCreateEventHash(HASH)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"!", "abc:example.org", "#abc:example.org", "!:example.org", "!abc:", "!abc:exa mple.org",
            "!abc", "!a\u0000b:example.org", "!abc:example.org:port",
            "!Fgzzp0S1NQ5S_4mCSJc8z9cWfR7Bz-fI5OUnjFd2lM", "!Fgzzp0S1NQ5S_4mCSJc8z9cWfR7Bz-fI5OUnjFd2lMcc",
            "!Fgzzp0S1NQ5S/4mCSJc8z9cWfR7Bz+fI5OUnjFd2lMc", "!Fgzzp0S1NQ5S_4mCSJc8z9cWfR7Bz-fI5OUnjFd2l=="})
    void refuses_ids_outside_the_grammar(String raw) {
        assertThatThrownBy(() -> RoomId.parse(raw)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void refuses_a_lone_surrogate_in_the_opaque_id() {
        assertThatThrownBy(() -> RoomId.parse("!a\uD83D:example.org")).isInstanceOf(DomainException.class);
    }

    @Test
    void limits_the_length_to_255_bytes_of_utf8() {
        String server = ":example.org";
        String fits = "!" + "a".repeat(255 - 1 - server.length()) + server;
        String tooLong = "!" + "a".repeat(256 - 1 - server.length()) + server;
        // Each 日 is 3 bytes of UTF-8: 80 of them (240 bytes) plus 13 bytes of sigil and server exceed 255.
        String tooManyBytes = "!" + "日".repeat(81) + server;

        assertThat(RoomId.parse(fits).value().length()).isEqualTo(255);
        assertThatThrownBy(() -> RoomId.parse(tooLong)).isInstanceOf(DomainException.class);
        assertThat(tooManyBytes.length()).isLessThan(255);
        assertThatThrownBy(() -> RoomId.parse(tooManyBytes)).isInstanceOf(DomainException.class);
    }

    @Test
    void builds_the_classic_form_from_parts() {
        assertThat(RoomId.of("abc", new ServerName("example.org"))).isEqualTo(RoomId.parse("!abc:example.org"));
        // "!a:b:8448" would parse, but as opaque id "a" on server "b:8448": the parts must be checked separately.
        assertThatThrownBy(() -> RoomId.of("a:b", new ServerName("8448"))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> RoomId.of("", new ServerName("example.org"))).isInstanceOf(DomainException.class);
    }

    @Test
    void is_case_sensitive() {
        assertThat(RoomId.parse("!abc:example.org")).isNotEqualTo(RoomId.parse("!ABC:example.org"));
    }
}
