package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserIdTest {
    private static final ServerName EXAMPLE = new ServerName("example.org");

    @Test
    void parses_localpart_and_server_and_prints_them_back() {
        UserId alice = UserId.parse("@alice:example.org");

        assertThat(alice.localpart()).isEqualTo("alice");
        assertThat(alice.server()).isEqualTo(EXAMPLE);
        assertThat(alice).hasToString("@alice:example.org").isEqualTo(new UserId("alice", EXAMPLE));
    }

    @Test
    void splits_at_the_first_colon_so_the_server_keeps_its_port() {
        UserId bob = UserId.parse("@bob:example.org:8448");

        assertThat(bob.localpart()).isEqualTo("bob");
        assertThat(bob.server()).isEqualTo(new ServerName("example.org:8448"));
    }

    @Test
    void accepts_historical_localparts_with_any_printable_ascii_but_colon() {
        UserId old = UserId.parse("@Alice!#$%&'*~:example.org");

        assertThat(old.localpart()).isEqualTo("Alice!#$%&'*~");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "alice:example.org", "@alice", "@:example.org", "@a:", "@alice:", "@al ice:example.org",
            "@älice:example.org", "@alice\t:example.org", "@alice:exa mple.org", "#room:example.org"})
    void refuses_malformed_user_ids(String raw) {
        assertThatThrownBy(() -> UserId.parse(raw))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void allows_255_characters_in_all_but_not_256() {
        String longest = "a".repeat(255 - 2 - "example.org".length());

        UserId id = new UserId(longest, EXAMPLE);

        assertThat(id.toString()).hasSize(UserId.MAX_LENGTH);
        assertThatThrownBy(() -> new UserId(longest + "a", EXAMPLE))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("255");
        assertThatThrownBy(() -> UserId.parse("@" + longest + "a:example.org"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void knows_whether_it_belongs_to_a_server() {
        assertThat(UserId.parse("@alice:example.org").isLocalTo(EXAMPLE)).isTrue();
        assertThat(UserId.parse("@alice:example.org:8448").isLocalTo(EXAMPLE)).isFalse();
        assertThat(UserId.parse("@alice:elsewhere.org").isLocalTo(EXAMPLE)).isFalse();
    }
}
