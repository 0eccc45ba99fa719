package io.zhihang.domain.media;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.domain.media.ThumbnailMethod.CROP;
import static io.zhihang.domain.media.ThumbnailMethod.SCALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailSizesTest {
    private static final ThumbnailSizes DEFAULTS = ThumbnailSizes.defaults();
    private static final int PHOTO_WIDTH = 4000;
    private static final int PHOTO_HEIGHT = 3000;

    @Test
    void the_defaults_are_synapses() {
        assertThat(DEFAULTS.all()).containsExactly(
                new ThumbnailSize(32, 32, CROP),
                new ThumbnailSize(96, 96, CROP),
                new ThumbnailSize(320, 240, SCALE),
                new ThumbnailSize(640, 480, SCALE),
                new ThumbnailSize(800, 600, SCALE));
    }

    @Test
    void crop_picks_the_exact_size_when_there_is_one() {
        assertThat(select(32, 32, CROP)).isEqualTo(new ThumbnailSize(32, 32, CROP));
        assertThat(select(96, 96, CROP)).isEqualTo(new ThumbnailSize(96, 96, CROP));
    }

    @Test
    void crop_picks_the_next_larger_size() {
        assertThat(select(33, 33, CROP)).isEqualTo(new ThumbnailSize(96, 96, CROP));
        assertThat(select(1, 1, CROP)).isEqualTo(new ThumbnailSize(32, 32, CROP));
    }

    @Test
    void crop_prefers_the_closest_aspect_ratio_among_sizes_big_enough() {
        ThumbnailSizes sizes = ThumbnailSizes.of(List.of(
                new ThumbnailSize(96, 96, CROP), new ThumbnailSize(200, 100, CROP), new ThumbnailSize(64, 32, SCALE)));

        assertThat(sizes.select(new ThumbnailRequest(64, 32, CROP, false), PHOTO_WIDTH, PHOTO_HEIGHT))
                .isEqualTo(new ThumbnailSize(200, 100, CROP));
        assertThat(sizes.select(new ThumbnailRequest(90, 90, CROP, false), PHOTO_WIDTH, PHOTO_HEIGHT))
                .isEqualTo(new ThumbnailSize(96, 96, CROP));
    }

    @Test
    void crop_bigger_than_every_size_gets_the_largest_of_the_same_shape() {
        assertThat(select(1000, 1000, CROP)).isEqualTo(new ThumbnailSize(96, 96, CROP));
    }

    @Test
    void scale_picks_the_smallest_size_at_least_as_big() {
        assertThat(select(100, 100, SCALE)).isEqualTo(new ThumbnailSize(320, 240, SCALE));
        assertThat(select(320, 240, SCALE)).isEqualTo(new ThumbnailSize(320, 240, SCALE));
        assertThat(select(321, 241, SCALE)).isEqualTo(new ThumbnailSize(640, 480, SCALE));
        assertThat(select(700, 500, SCALE)).isEqualTo(new ThumbnailSize(800, 600, SCALE));
    }

    @Test
    void scale_bigger_than_every_size_falls_back_to_the_largest() {
        assertThat(select(10_000, 10_000, SCALE)).isEqualTo(new ThumbnailSize(800, 600, SCALE));
        assertThat(select(1000, 700, SCALE)).isEqualTo(new ThumbnailSize(800, 600, SCALE));
    }

    @Test
    void scale_judges_sizes_by_what_they_come_out_at_for_this_source() {
        // A 2000x100 banner scales to 320x16, 640x32 and 800x40: only 800x40 is as wide as asked.
        ThumbnailRequest wide = new ThumbnailRequest(700, 40, SCALE, false);
        assertThat(DEFAULTS.select(wide, 2000, 100)).isEqualTo(new ThumbnailSize(800, 600, SCALE));
    }

    @Test
    void a_tiny_source_comes_out_the_same_at_every_size_so_the_first_wins() {
        assertThat(DEFAULTS.select(new ThumbnailRequest(640, 480, SCALE, false), 1, 1))
                .isEqualTo(new ThumbnailSize(320, 240, SCALE));
        assertThat(DEFAULTS.select(new ThumbnailRequest(96, 96, CROP, false), 1, 1))
                .isEqualTo(new ThumbnailSize(32, 32, CROP));
    }

    @Test
    void extreme_aspect_ratios_still_get_a_size() {
        assertThat(DEFAULTS.select(new ThumbnailRequest(96, 96, CROP, false), 10_000, 1).method()).isEqualTo(CROP);
        // A 1x10000 line scales to 1x240, 1x480 and 1x600: only the last is as tall as asked.
        assertThat(DEFAULTS.select(new ThumbnailRequest(800, 600, SCALE, false), 1, 10_000))
                .isEqualTo(new ThumbnailSize(800, 600, SCALE));
    }

    @Test
    void a_method_with_no_configured_size_falls_back_to_the_others() {
        ThumbnailSizes onlyScale = ThumbnailSizes.of(List.of(
                new ThumbnailSize(320, 240, SCALE), new ThumbnailSize(640, 480, SCALE)));

        assertThat(onlyScale.select(new ThumbnailRequest(400, 300, CROP, false), PHOTO_WIDTH, PHOTO_HEIGHT))
                .isEqualTo(new ThumbnailSize(640, 480, SCALE));
    }

    @Test
    void a_configuration_needs_distinct_sizes() {
        assertThatThrownBy(() -> ThumbnailSizes.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThumbnailSizes.of(List.of(
                new ThumbnailSize(32, 32, CROP), new ThumbnailSize(32, 32, CROP))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThumbnailSize(0, 32, CROP)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ThumbnailSize select(int width, int height, ThumbnailMethod method) {
        return DEFAULTS.select(new ThumbnailRequest(width, height, method, false), PHOTO_WIDTH, PHOTO_HEIGHT);
    }
}
