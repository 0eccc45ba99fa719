package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.zhihang.domain.auth.AuthTypes.DUMMY;
import static io.zhihang.domain.auth.AuthTypes.PASSWORD;
import static io.zhihang.domain.auth.AuthTypes.REGISTRATION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UiaSessionTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ALICE = "@alice:example.org";

    @Test
    void starts_with_nothing_completed() {
        UiaSession session = UiaSession.start("s1", "account/password", ALICE, T0);

        assertThat(session.completed()).isEmpty();
        assertThat(session.satisfies(List.of(UiaFlow.of(PASSWORD)))).isFalse();
    }

    @Test
    void is_bound_to_the_operation_it_was_started_for() {
        UiaSession session = UiaSession.start("s1", "account/password", ALICE, T0);

        assertThatCode(() -> session.ensureBoundTo("account/password", ALICE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> session.ensureBoundTo("account/deactivate", ALICE))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("belongs to another request")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void is_bound_to_the_user_it_was_started_for() {
        UiaSession session = UiaSession.start("s1", "delete_devices", ALICE, T0);

        assertThatThrownBy(() -> session.ensureBoundTo("delete_devices", "@mallory:example.org"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void a_registration_session_is_bound_to_no_user() {
        UiaSession session = UiaSession.start("s1", "register", null, T0);

        assertThatCode(() -> session.ensureBoundTo("register", null)).doesNotThrowAnyException();
    }

    @Test
    void completing_a_stage_gives_a_new_session_and_leaves_the_old_one() {
        UiaSession started = UiaSession.start("s1", "register", null, T0);

        UiaSession advanced = started.complete(DUMMY);

        assertThat(advanced.completed()).containsExactly(DUMMY);
        assertThat(advanced.id()).isEqualTo("s1");
        assertThat(started.completed()).isEmpty();
        assertThat(advanced.satisfies(List.of(UiaFlow.of(DUMMY)))).isTrue();
    }

    @Test
    void a_flow_is_satisfied_only_when_all_its_stages_are_completed() {
        List<UiaFlow> flows = List.of(UiaFlow.of(REGISTRATION_TOKEN, DUMMY));
        UiaSession afterToken = UiaSession.start("s1", "register", null, T0).complete(REGISTRATION_TOKEN);

        assertThat(afterToken.satisfies(flows)).isFalse();
        assertThat(afterToken.complete(DUMMY).satisfies(flows)).isTrue();
    }

    @Test
    void any_one_of_several_flows_is_enough() {
        List<UiaFlow> flows = List.of(UiaFlow.of(PASSWORD), UiaFlow.of(DUMMY));

        assertThat(UiaSession.start("s1", "p", null, T0).complete(DUMMY).satisfies(flows)).isTrue();
    }

    @Test
    void lives_thirty_minutes() {
        UiaSession session = UiaSession.start("s1", "register", null, T0);

        assertThat(session.isExpired(T0.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(session.isExpired(T0.plus(Duration.ofMinutes(30)).plusNanos(1))).isTrue();
    }

    @Test
    void may_attempt_only_stages_of_the_offered_flows() {
        UiaSession session = UiaSession.start("s1", "account/password", ALICE, T0);
        List<UiaFlow> flows = List.of(UiaFlow.of(PASSWORD));

        assertThat(session.mayAttempt(PASSWORD, flows)).isTrue();
        assertThat(session.mayAttempt(DUMMY, flows)).isFalse();
    }

    @Test
    void may_not_switch_to_a_flow_that_does_not_contain_what_was_already_completed() {
        List<UiaFlow> flows = List.of(UiaFlow.of(REGISTRATION_TOKEN, DUMMY), UiaFlow.of(PASSWORD));
        UiaSession afterToken = UiaSession.start("s1", "register", null, T0).complete(REGISTRATION_TOKEN);

        assertThat(afterToken.mayAttempt(DUMMY, flows)).isTrue();
        assertThat(afterToken.mayAttempt(PASSWORD, flows)).isFalse();
    }

    @Test
    void keeps_a_copy_of_what_was_completed() {
        Set<String> completed = new HashSet<>(Set.of(DUMMY));
        UiaSession session = new UiaSession("s1", "register", null, completed, T0);

        completed.clear();

        assertThat(session.completed()).containsExactly(DUMMY);
        assertThatThrownBy(() -> session.completed().add(PASSWORD)).isInstanceOf(UnsupportedOperationException.class);
    }
}
