package io.zhihang.domain.lifecycle;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessageStatusAndForwardTest {
    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    private static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("looked up although it could not decide");
    };

    @Test
    void the_strongest_fact_wins_and_later_ones_are_not_looked_up() {
        assertThat(MessageStatus.of(true, YES, true, NEVER_ASKED, NEVER_ASKED)).isEqualTo(MessageStatus.DESTROYED);
        assertThat(MessageStatus.of(true, NO, false, NEVER_ASKED, NEVER_ASKED)).isEqualTo(MessageStatus.RECALLED);
        assertThat(MessageStatus.of(false, NEVER_ASKED, true, NEVER_ASKED, NEVER_ASKED))
                .isEqualTo(MessageStatus.EDITED);
        assertThat(MessageStatus.of(false, NEVER_ASKED, false, YES, NEVER_ASKED)).isEqualTo(MessageStatus.READ);
        assertThat(MessageStatus.of(false, NEVER_ASKED, false, NO, YES)).isEqualTo(MessageStatus.DELIVERED);
        assertThat(MessageStatus.of(false, NEVER_ASKED, false, NO, NO).value()).isEqualTo("sent");
    }

    @Test
    void only_unrecalled_messages_with_a_target_are_forwarded() {
        ForwardRule.check(false, true, true);
        assertThat(catchThrowableOfType(DomainException.class, () -> ForwardRule.check(true, true, false)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(catchThrowableOfType(DomainException.class, () -> ForwardRule.check(false, true, false)).kind())
                .isEqualTo(ErrorKind.MISSING_PARAM);
        assertThat(catchThrowableOfType(DomainException.class, () -> ForwardRule.check(false, false, true)).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }
}
