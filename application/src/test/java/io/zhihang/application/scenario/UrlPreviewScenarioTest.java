package io.zhihang.application.scenario;

import io.zhihang.application.config.UrlPreviewSettings;
import io.zhihang.application.fakes.ImmediateAfterCommit;
import io.zhihang.application.fakes.InMemoryMediaRepository;
import io.zhihang.application.port.in.media.PreviewUrlQuery;
import io.zhihang.application.port.out.media.MediaBlob;
import io.zhihang.application.port.out.media.MediaBlobStore;
import io.zhihang.application.port.out.media.MediaThumbnailRepository;
import io.zhihang.application.port.out.media.OpenGraphReader;
import io.zhihang.application.port.out.media.StoredBlob;
import io.zhihang.application.port.out.media.ThumbnailRenderer;
import io.zhihang.application.port.out.media.UrlFetcher;
import io.zhihang.application.port.out.media.UrlPreviewRepository;
import io.zhihang.application.service.media.MediaArrivals;
import io.zhihang.application.service.media.MediaLedger;
import io.zhihang.application.service.media.PreviewUrlService;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.net.OutboundAddressPolicy;
import io.zhihang.domain.media.preview.UrlPreview;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The URL preview cache and housekeeping, with a fake web: a preview is kept in the database cache (a fresh service,
 * with nothing in memory, does not fetch again), {@code ts} chooses among kept previews, previews and their images go
 * after two days, and a server with previews off has no such endpoint.
 */
class UrlPreviewScenarioTest {
    private static final String URL = "https://news.example.com/story";
    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a");

    private final TestHomeserver server = TestHomeserver.open();
    private final Requester alice = new Requester(UserId.parse("@alice:example.org"), new DeviceId("ALICE"), "t",
            false);
    private final InMemoryMediaRepository media = new InMemoryMediaRepository();
    private final Previews previews = new Previews();
    private final AtomicInteger fetches = new AtomicInteger();
    private String title = "First version";
    private final UrlFetcher web = (url, limits) -> {
        fetches.incrementAndGet();
        return url.toString().endsWith(".png")
                ? new UrlFetcher.Fetched(url, "image/png", PNG, Optional.empty())
                : new UrlFetcher.Fetched(url, "text/html", title.getBytes(), Optional.empty());
    };
    private final OpenGraphReader reader = (html, type) -> Map.of("og:title", new String(html),
            "og:image", "/picture.png");

    private PreviewUrlService service(boolean enabled) {
        MediaLedger ledger = new MediaLedger(media, new NoThumbnails(), new Blobs(), new MediaArrivals(),
                new ImmediateAfterCommit(), previews);
        UrlPreviewSettings settings = new UrlPreviewSettings(enabled, OutboundAddressPolicy.defaults(), 1024,
                Duration.ofSeconds(1), 1);
        return new PreviewUrlService(server.settings, settings, web, reader, previews, new Blobs(), ledger,
                new NoRenderer(), server.ids, server.clock);
    }

    private JsonObject preview(PreviewUrlService service, Optional<Instant> at) {
        return service.preview(new PreviewUrlQuery(alice, URL, at));
    }

    @Test
    void a_kept_preview_is_served_from_the_database_within_the_hour() {
        JsonObject first = preview(service(true), Optional.empty());
        assertThat(first.string("og:title")).contains("First version");
        assertThat(first.string("og:image")).hasValueSatisfying(mxc -> assertThat(mxc).startsWith("mxc://example.org/"));
        assertThat(fetches).hasValue(2); // the page and its image

        server.clock.advance(Duration.ofMinutes(30));
        title = "Second version";
        assertThat(preview(service(true), Optional.empty())).isEqualTo(first);
        assertThat(fetches).hasValue(2);

        server.clock.advance(Duration.ofMinutes(31));
        assertThat(preview(service(true), Optional.empty()).string("og:title")).contains("Second version");
        assertThat(fetches).hasValue(4);
    }

    @Test
    void ts_picks_the_preview_of_that_time_while_it_was_fresh() {
        Instant firstTime = server.clock.instant();
        preview(service(true), Optional.empty());
        server.clock.advance(Duration.ofHours(2));
        title = "Second version";
        preview(service(true), Optional.empty());

        assertThat(preview(service(true), Optional.of(firstTime.plus(Duration.ofMinutes(10)))).string("og:title"))
                .contains("First version");
        assertThat(fetches).hasValue(4);
    }

    @Test
    void previews_and_their_images_go_after_two_days() {
        PreviewUrlService service = service(true);
        String mxc = preview(service, Optional.empty()).string("og:image").orElseThrow();
        MediaId image = new MediaId(mxc.substring(mxc.lastIndexOf('/') + 1));
        assertThat(media.find(image)).isPresent();

        server.clock.advance(UrlPreview.IMAGE_RETENTION.minus(Duration.ofMinutes(1)));
        service.expire();
        assertThat(previews.rows).hasSize(1);

        server.clock.advance(Duration.ofMinutes(2));
        service.expire();
        assertThat(previews.rows).isEmpty();
        assertThat(media.find(image)).isEmpty();
    }

    @Test
    void with_previews_off_the_endpoint_is_unrecognized() {
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> preview(service(false), Optional.empty()));
        assertThat(refusal.kind()).isEqualTo(ErrorKind.UNRECOGNIZED);
        assertThat(fetches).hasValue(0);
    }

    @Test
    void a_refusal_is_remembered_and_not_asked_again_within_the_hour() {
        AtomicInteger tries = new AtomicInteger();
        MediaLedger ledger = new MediaLedger(media, new NoThumbnails(), new Blobs(), new MediaArrivals(),
                new ImmediateAfterCommit(), previews);
        UrlFetcher refusing = (url, limits) -> {
            tries.incrementAndGet();
            throw new DomainException(ErrorKind.PREVIEW_UNAVAILABLE, "Got error 500");
        };
        PreviewUrlService service = new PreviewUrlService(server.settings, UrlPreviewSettings.defaults(), refusing,
                reader, previews, new Blobs(), ledger, new NoRenderer(), server.ids, server.clock);
        for (int i = 0; i < 2; i++) {
            assertThat(catchThrowableOfType(DomainException.class, () -> preview(service, Optional.empty())).kind())
                    .isEqualTo(ErrorKind.PREVIEW_UNAVAILABLE);
        }
        assertThat(tries).hasValue(1);
    }

    /** Keeps previews in a list, answering as the JDBC repository does. */
    private static final class Previews implements UrlPreviewRepository {
        final List<UrlPreview> rows = new ArrayList<>();

        @Override
        public Optional<UrlPreview> find(String url, Instant at) {
            Optional<UrlPreview> before = rows.stream().filter(p -> p.url().equals(url))
                    .filter(p -> !p.downloadedAt().isAfter(at)).max(Comparator.comparing(UrlPreview::downloadedAt));
            return before.or(() -> rows.stream().filter(p -> p.url().equals(url))
                    .min(Comparator.comparing(UrlPreview::downloadedAt)));
        }

        @Override
        public void save(UrlPreview preview) {
            rows.add(preview);
        }

        @Override
        public List<MediaId> deleteDownloadedBefore(Instant cutoff) {
            List<UrlPreview> old = rows.stream().filter(p -> p.downloadedAt().isBefore(cutoff)).toList();
            rows.removeAll(old);
            return old.stream().flatMap(p -> p.image().stream()).toList();
        }
    }

    private static final class Blobs implements MediaBlobStore {
        @Override
        public StoredBlob store(InputStream in, long maxBytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoredBlob store(byte[] bytes) {
            return new StoredBlob("0".repeat(64), bytes.length);
        }

        @Override
        public Optional<MediaBlob> open(String sha256) {
            return Optional.empty();
        }

        @Override
        public boolean deleteIfUntouchedSince(String sha256, Instant cutoff) {
            return true;
        }
    }

    private static final class NoThumbnails implements MediaThumbnailRepository {
        @Override
        public Optional<StoredThumbnail> find(MediaId mediaId, io.zhihang.domain.media.ThumbnailSize size) {
            return Optional.empty();
        }

        @Override
        public void save(MediaId mediaId, io.zhihang.domain.media.ThumbnailSize size, StoredThumbnail thumbnail) {
        }
    }

    private static final class NoRenderer implements ThumbnailRenderer {
        @Override
        public Optional<io.zhihang.application.port.out.media.RenderedThumbnail> render(
                InputStream source, String contentType, io.zhihang.domain.media.ThumbnailSize size) {
            return Optional.empty();
        }

        @Override
        public Optional<Dimensions> dimensions(InputStream source, String contentType) {
            return Optional.of(new Dimensions(1, 1));
        }
    }
}
