package io.zhihang.domain.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorKindTest {

    @Test
    void every_kind_carries_a_spec_errcode_named_after_it() {
        assertThat(Arrays.stream(ErrorKind.values())
                .filter(kind -> kind != ErrorKind.CONFLICT && kind != ErrorKind.SERVER_CONTROLLED
                        && kind != ErrorKind.THREEPID_CHANGES_DISABLED && kind != ErrorKind.UNRECOGNIZED_REQUEST
                        && kind != ErrorKind.PREVIEW_BLOCKED && kind != ErrorKind.PREVIEW_UNAVAILABLE
                        && kind != ErrorKind.PREVIEW_TOO_LARGE))
                .allSatisfy(kind -> assertThat(kind.errcode()).isEqualTo("M_" + kind.name()));
    }

    @Test
    void a_conflict_is_m_unknown_as_the_spec_answers_a_taken_room_alias() {
        assertThat(ErrorKind.CONFLICT.errcode()).isEqualTo("M_UNKNOWN");
    }

    @Test
    void an_unrecognized_request_is_m_unrecognized_as_synapse_answers_a_push_rule_path_without_its_trailing_slash() {
        assertThat(ErrorKind.UNRECOGNIZED_REQUEST.errcode()).isEqualTo("M_UNRECOGNIZED");
    }

    @Test
    void server_controlled_data_is_m_bad_json_as_the_spec_answers_writes_of_m_fully_read_account_data() {
        assertThat(ErrorKind.SERVER_CONTROLLED.errcode()).isEqualTo("M_BAD_JSON");
    }

    @Test
    void disabled_third_party_identifier_changes_are_m_forbidden_as_synapse_answers_them() {
        assertThat(ErrorKind.THREEPID_CHANGES_DISABLED.errcode()).isEqualTo("M_FORBIDDEN");
    }

    @Test
    void a_rate_limit_refusal_tells_when_to_retry() {
        RateLimitedException e = new RateLimitedException(Duration.ofSeconds(3));

        assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void an_unknown_token_says_whether_the_logout_was_soft() {
        assertThat(new UnknownTokenException("expired", true).softLogout()).isTrue();
        assertThat(new UnknownTokenException("revoked", false))
                .satisfies(e -> assertThat(e.softLogout()).isFalse())
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_TOKEN));
    }

    @Test
    void url_preview_refusals_are_m_unknown_or_m_too_large_as_synapse_answers_them() {
        assertThat(ErrorKind.PREVIEW_BLOCKED.errcode()).isEqualTo("M_UNKNOWN");
        assertThat(ErrorKind.PREVIEW_UNAVAILABLE.errcode()).isEqualTo("M_UNKNOWN");
        assertThat(ErrorKind.PREVIEW_TOO_LARGE.errcode()).isEqualTo("M_TOO_LARGE");
    }
}
