package io.zhihang.domain.dehydrated;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxTokenTest {

    @Test
    void a_token_is_d_and_a_stream_position_and_none_is_the_start() {
        assertThat(InboxToken.parse("d42")).isEqualTo(new InboxToken(42));
        assertThat(new InboxToken(42)).hasToString("d42");
        assertThat(InboxToken.parse(null)).isEqualTo(InboxToken.START);
        assertThat(InboxToken.parse(InboxToken.START.toString())).isEqualTo(InboxToken.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "42", "s42", "d-1", "d4x", "d 4", "d99999999999999999999"})
    void anything_else_is_an_invalid_parameter(String token) {
        assertThatThrownBy(() -> InboxToken.parse(token)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
    }
}
