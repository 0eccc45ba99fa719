package io.zhihang.domain.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailGeometryTest {
    @Test
    void scale_fits_the_whole_source_inside_the_box() {
        assertThat(ThumbnailGeometry.scale(4000, 3000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 4000, 3000, 320, 240));
        assertThat(ThumbnailGeometry.scale(1000, 500, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 1000, 500, 320, 160));
        assertThat(ThumbnailGeometry.scale(500, 1000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 500, 1000, 120, 240));
    }

    @Test
    void scale_rounds_down_like_synapse() {
        // 640 * 333 / 1000 = 213.12
        assertThat(ThumbnailGeometry.scale(1000, 333, 640, 480).height()).isEqualTo(213);
    }

    @Test
    void scale_never_upscales_a_source_smaller_than_the_box() {
        assertThat(ThumbnailGeometry.scale(100, 50, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 100, 50, 100, 50));
        assertThat(ThumbnailGeometry.scale(320, 240, 320, 240).isUnscaled()).isTrue();
        assertThat(ThumbnailGeometry.scale(1, 1, 800, 600)).isEqualTo(new ThumbnailGeometry(0, 0, 1, 1, 1, 1));
    }

    @Test
    void scale_shrinks_a_source_that_is_too_big_in_one_dimension_only() {
        assertThat(ThumbnailGeometry.scale(100, 1000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 100, 1000, 24, 240));
        assertThat(ThumbnailGeometry.scale(100, 10, 200, 5)).isEqualTo(new ThumbnailGeometry(0, 0, 100, 10, 50, 5));
    }

    @Test
    void scale_keeps_at_least_one_pixel_for_extreme_aspect_ratios() {
        assertThat(ThumbnailGeometry.scale(10_000, 1, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 10_000, 1, 320, 1));
        assertThat(ThumbnailGeometry.scale(1, 100_000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 1, 100_000, 1, 240));
    }

    @Test
    void crop_takes_the_centre_of_a_wide_source_at_the_box_size() {
        assertThat(ThumbnailGeometry.crop(4000, 3000, 96, 96)).isEqualTo(new ThumbnailGeometry(500, 0, 3000, 3000, 96, 96));
    }

    @Test
    void crop_takes_the_centre_of_a_tall_source_at_the_box_size() {
        assertThat(ThumbnailGeometry.crop(300, 1000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 387, 300, 225, 300, 225));
        assertThat(ThumbnailGeometry.crop(640, 1000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 260, 640, 480, 320, 240));
    }

    @Test
    void crop_of_a_source_with_the_box_shape_uses_all_of_it() {
        assertThat(ThumbnailGeometry.crop(640, 480, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 0, 640, 480, 320, 240));
    }

    @Test
    void crop_never_upscales_but_keeps_the_box_shape() {
        assertThat(ThumbnailGeometry.crop(50, 30, 96, 96)).isEqualTo(new ThumbnailGeometry(10, 0, 30, 30, 30, 30));
        assertThat(ThumbnailGeometry.crop(200, 100, 320, 240)).isEqualTo(new ThumbnailGeometry(33, 0, 133, 100, 133, 100));
        assertThat(ThumbnailGeometry.crop(1, 1, 32, 32)).isEqualTo(new ThumbnailGeometry(0, 0, 1, 1, 1, 1));
    }

    @Test
    void crop_of_an_extreme_aspect_ratio_keeps_at_least_one_pixel() {
        assertThat(ThumbnailGeometry.crop(10_000, 1, 96, 96)).isEqualTo(new ThumbnailGeometry(4999, 0, 1, 1, 1, 1));
        assertThat(ThumbnailGeometry.crop(1, 10_000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 4999, 1, 1, 1, 1));
        assertThat(ThumbnailGeometry.crop(3, 10_000, 320, 240)).isEqualTo(new ThumbnailGeometry(0, 4999, 3, 2, 3, 2));
    }

    @ParameterizedTest
    @CsvSource({
            "1,1", "2,1", "1,2", "31,33", "96,96", "97,95", "640,480", "1000,10", "10,1000", "4000,3000", "65535,1",
            "1,65535", "12345,6789"})
    void no_geometry_ever_upscales_or_leaves_the_source(int sourceWidth, int sourceHeight) {
        for (ThumbnailSize size : ThumbnailSizes.defaults().all()) {
            ThumbnailGeometry geometry = size.geometryFor(sourceWidth, sourceHeight);
            assertThat(geometry.width()).isBetween(1, Math.min(size.width(), geometry.regionWidth()));
            assertThat(geometry.height()).isBetween(1, Math.min(size.height(), geometry.regionHeight()));
            assertThat(geometry.regionX() + geometry.regionWidth()).isLessThanOrEqualTo(sourceWidth);
            assertThat(geometry.regionY() + geometry.regionHeight()).isLessThanOrEqualTo(sourceHeight);
        }
    }

    @Test
    void refuses_empty_dimensions() {
        assertThatThrownBy(() -> ThumbnailGeometry.scale(0, 10, 32, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThumbnailGeometry.crop(10, 10, 32, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
