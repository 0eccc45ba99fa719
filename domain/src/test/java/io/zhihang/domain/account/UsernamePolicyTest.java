package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.domain.shared.UserId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsernamePolicyTest {
    private static final ServerName SERVER = new ServerName("example.org");

    private final UsernamePolicy policy = new UsernamePolicy(SERVER, List.of(
            Pattern.compile("irc_.*"),
            Pattern.compile("@telegram_[0-9]+:example\\.org")));

    @Test
    void gives_the_user_id_on_this_server() {
        assertThat(policy.validate("alice")).isEqualTo(new UserId("alice", SERVER));
    }

    @Test
    void lower_cases_the_desired_name_like_synapse() {
        assertThat(policy.validate("Alice.Smith")).hasToString("@alice.smith:example.org");
    }

    @Test
    void accepts_every_character_the_spec_allows_for_new_ids() {
        assertThat(policy.validate("a.b_c=d-e/f+g9").localpart()).isEqualTo("a.b_c=d-e/f+g9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice!", "al ice", "älice", "alice:example.org", "@alice", "alice#", "ali\tce", "İvan"})
    void refuses_characters_outside_the_allowed_set_even_after_lowercasing(String desired) {
        assertRefused(() -> policy.validate(desired), ErrorKind.INVALID_USERNAME, "can only contain");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refuses_an_empty_name(String desired) {
        assertRefused(() -> policy.validate(desired), ErrorKind.INVALID_USERNAME, "empty");
    }

    @Test
    void refuses_a_leading_underscore_but_not_an_inner_one() {
        assertRefused(() -> policy.validate("_alice"), ErrorKind.INVALID_USERNAME, "may not begin with '_'");
        assertThat(policy.validate("al_ice").localpart()).isEqualTo("al_ice");
    }

    @Test
    void refuses_all_digit_names_which_are_kept_for_guests() {
        assertRefused(() -> policy.validate("12345"), ErrorKind.INVALID_USERNAME, "Numeric");
        assertThat(policy.validate("12345a").localpart()).isEqualTo("12345a");
    }

    @Test
    void refuses_names_in_an_application_service_namespace_with_m_exclusive() {
        assertRefused(() -> policy.validate("irc_alice"), ErrorKind.EXCLUSIVE, "application service");
        assertRefused(() -> policy.validate("IRC_Bob"), ErrorKind.EXCLUSIVE, "application service");
    }

    @Test
    void matches_namespaces_written_as_full_user_ids_too() {
        assertRefused(() -> policy.validate("telegram_42"), ErrorKind.EXCLUSIVE, "application service");
        assertThat(policy.validate("telegram_bob").localpart()).isEqualTo("telegram_bob");
    }

    @Test
    void refuses_names_that_make_the_user_id_longer_than_255_characters() {
        String longest = "a".repeat(255 - "@:example.org".length());

        assertThat(policy.validate(longest).toString()).hasSize(255);
        assertRefused(() -> policy.validate(longest + "a"), ErrorKind.INVALID_USERNAME, "255");
    }

    @Test
    void keeps_its_namespaces_out_of_reach_of_the_caller() {
        List<Pattern> namespaces = new ArrayList<>(List.of(Pattern.compile("bot_.*")));
        UsernamePolicy copy = new UsernamePolicy(SERVER, namespaces);

        namespaces.clear();

        assertRefused(() -> copy.validate("bot_one"), ErrorKind.EXCLUSIVE, "reserved");
    }

    private static void assertRefused(ThrowingCallable call, ErrorKind kind, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(kind);
    }
}
