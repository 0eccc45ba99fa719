package io.zhihang.domain.media;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailRequestTest {
    @Test
    void method_defaults_to_scale_and_animated_to_false() {
        assertThat(ThumbnailRequest.parse("96", "64", null, null))
                .isEqualTo(new ThumbnailRequest(96, 64, ThumbnailMethod.SCALE, false));
    }

    @Test
    void reads_every_parameter() {
        assertThat(ThumbnailRequest.parse("1", "10000", "crop", "true"))
                .isEqualTo(new ThumbnailRequest(1, 10000, ThumbnailMethod.CROP, true));
        assertThat(ThumbnailRequest.parse("32", "32", "scale", "false").animated()).isFalse();
    }

    @Test
    void a_missing_width_or_height_is_a_missing_parameter() {
        assertKind(() -> ThumbnailRequest.parse(null, "32", null, null), ErrorKind.MISSING_PARAM);
        assertKind(() -> ThumbnailRequest.parse("32", null, null, null), ErrorKind.MISSING_PARAM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+5", " 5", "5 ", "1.5", "1e3", "abc", "10001", "4294967296",
            "99999999999999999999", "０"})
    void a_width_that_is_not_a_sensible_positive_integer_is_invalid(String width) {
        assertKind(() -> ThumbnailRequest.parse(width, "32", null, null), ErrorKind.INVALID_PARAM);
        assertKind(() -> ThumbnailRequest.parse("32", width, null, null), ErrorKind.INVALID_PARAM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Crop", "fit"})
    void an_unknown_method_is_invalid(String method) {
        assertKind(() -> ThumbnailRequest.parse("32", "32", method, null), ErrorKind.INVALID_PARAM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "0", "yes", "True", "FALSE"})
    void animated_is_only_true_or_false(String animated) {
        assertKind(() -> ThumbnailRequest.parse("32", "32", null, animated), ErrorKind.INVALID_PARAM);
    }

    @Test
    void the_record_refuses_out_of_range_sizes_too() {
        assertKind(() -> new ThumbnailRequest(0, 32, ThumbnailMethod.SCALE, false), ErrorKind.INVALID_PARAM);
        assertKind(() -> new ThumbnailRequest(32, 10_001, ThumbnailMethod.SCALE, false), ErrorKind.INVALID_PARAM);
    }

    private static void assertKind(ThrowingCallable call, ErrorKind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
