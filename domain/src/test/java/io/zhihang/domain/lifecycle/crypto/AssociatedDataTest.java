package io.zhihang.domain.lifecycle.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AssociatedDataTest {
    @Test
    void parts_are_length_prefixed_so_their_boundaries_count() {
        assertThat(AssociatedData.forMessage("ab", "c")).isNotEqualTo(AssociatedData.forMessage("a", "bc"));
        assertThat(AssociatedData.forMessage("$a")).isNotEqualTo(AssociatedData.forMessage("$b"));
        assertThat(AssociatedData.forMessage("$a")).isEqualTo(AssociatedData.forMessage("$a"));
    }

    @Test
    void the_layout_is_label_then_each_part_with_its_length() {
        byte[] label = AssociatedData.MESSAGE_LABEL.getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[4 + label.length + 4 + 2];
        expected[3] = (byte) label.length;
        System.arraycopy(label, 0, expected, 4, label.length);
        expected[4 + label.length + 3] = 2;
        expected[expected.length - 2] = '$';
        expected[expected.length - 1] = 'e';

        assertThat(AssociatedData.forMessage("$e")).isEqualTo(expected);
    }
}
