package io.zhihang.server.media;

import io.quarkus.test.junit.QuarkusTest;
import io.zhihang.application.port.out.media.RenderedThumbnail;
import io.zhihang.application.port.out.media.ThumbnailRenderer;
import io.zhihang.domain.media.ThumbnailMethod;
import io.zhihang.domain.media.ThumbnailSize;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer is a bean of the running server, headless, and finds the WebP plug-in under Quarkus' class loader. */
@QuarkusTest
class ThumbnailRendererWiringTest {
    /** 80x40 lossless WebP, left half transparent, right half blue. */
    private static final String WEBP = "UklGRioAAABXRUJQVlA4TB0AAAAvT8AJEA8QMf/zHww1bRsw4U+6C0G/iP5PAKt9AQA=";

    @Inject
    ThumbnailRenderer renderer;

    @Test
    void renders_webp_inside_the_application() throws IOException {
        Optional<RenderedThumbnail> thumbnail = renderer.render(
                new ByteArrayInputStream(Base64.getDecoder().decode(WEBP)), "image/webp",
                new ThumbnailSize(32, 32, ThumbnailMethod.CROP));

        assertThat(thumbnail).hasValueSatisfying(t -> {
            assertThat(t.contentType()).isEqualTo("image/png");
            assertThat(t.width()).isEqualTo(32);
            assertThat(t.height()).isEqualTo(32);
        });
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }
}
