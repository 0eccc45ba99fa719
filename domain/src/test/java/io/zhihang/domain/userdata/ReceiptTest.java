package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReceiptTest {

    private static Receipt at(long ordering) {
        return new Receipt("!r:hs", ReceiptType.READ, "@u:hs", null, "$e" + ordering, ordering, 1000);
    }

    @Test
    void a_receipt_only_ever_moves_forward() {
        assertThat(at(5).supersedes(null)).isTrue();
        assertThat(at(6).supersedes(at(5))).isTrue();
        assertThat(at(5).supersedes(at(5))).isFalse();
        assertThat(at(4).supersedes(at(5))).isFalse();
    }

    @Test
    void receipt_types_are_the_spec_ones() {
        assertThat(ReceiptType.parse("m.read")).isEqualTo(ReceiptType.READ);
        assertThat(ReceiptType.parse("m.read.private").isPrivate()).isTrue();
        assertThat(ReceiptType.parse("m.fully_read")).isEqualTo(ReceiptType.FULLY_READ);
        assertThat(catchThrowableOfType(DomainException.class, () -> ReceiptType.parse("m.seen")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void a_thread_id_is_absent_or_a_non_empty_string_and_the_read_marker_is_no_receipt() {
        assertThat(catchThrowableOfType(DomainException.class, () -> Receipt.checkThreadId("")).kind())
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThatThrownBy(() -> new Receipt("!r:hs", ReceiptType.FULLY_READ, "@u:hs", null, "$e", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_event_fits_main_when_outside_threads_and_a_thread_when_in_it_or_its_root() {
        ThreadPlacement outside = new ThreadPlacement(null, List.of("$msg"));
        ThreadPlacement root = new ThreadPlacement(null, List.of("$root"));
        ThreadPlacement reply = new ThreadPlacement("$root", List.of("$reply"));
        ThreadPlacement reactionToReply = new ThreadPlacement("$root", List.of("$reaction", "$reply"));
        ThreadPlacement reactionToRoot = new ThreadPlacement(null, List.of("$reaction", "$root"));

        assertThat(outside.fits("main")).isTrue();
        assertThat(outside.fits("$root")).isFalse();
        assertThat(root.fits("main")).isTrue();
        assertThat(root.fits("$root")).isTrue();
        assertThat(reply.fits("$root")).isTrue();
        assertThat(reply.fits("main")).isFalse();
        assertThat(reply.fits("$other")).isFalse();
        assertThat(reactionToReply.fits("$root")).isTrue();
        assertThat(reactionToRoot.fits("$root")).isTrue();
        assertThat(reactionToRoot.fits("main")).isTrue();
    }
}
