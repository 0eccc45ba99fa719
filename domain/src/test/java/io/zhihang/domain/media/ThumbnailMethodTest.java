package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailMethodTest {
    @Test
    void parses_the_spec_spellings() {
        assertThat(ThumbnailMethod.parse("scale")).isEqualTo(ThumbnailMethod.SCALE);
        assertThat(ThumbnailMethod.parse("crop")).isEqualTo(ThumbnailMethod.CROP);
        assertThat(ThumbnailMethod.CROP.value()).isEqualTo("crop");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Scale", "CROP", " crop", "fit"})
    void refuses_anything_else_as_an_invalid_parameter(String value) {
        assertThatThrownBy(() -> ThumbnailMethod.parse(value))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAM));
    }
}
