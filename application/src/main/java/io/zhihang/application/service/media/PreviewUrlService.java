package io.zhihang.application.service.media;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.UrlPreviewSettings;
import io.zhihang.application.port.in.media.ExpireUrlPreviewsUseCase;
import io.zhihang.application.port.in.media.PreviewUrlQuery;
import io.zhihang.application.port.in.media.PreviewUrlUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.media.MediaBlobStore;
import io.zhihang.application.port.out.media.OpenGraphReader;
import io.zhihang.application.port.out.media.StoredBlob;
import io.zhihang.application.port.out.media.ThumbnailRenderer;
import io.zhihang.application.port.out.media.UrlFetcher;
import io.zhihang.application.port.out.media.UrlPreviewRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.media.MediaContentType;
import io.zhihang.domain.media.MediaFileName;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.MxcUri;
import io.zhihang.domain.media.preview.OpenGraphTags;
import io.zhihang.domain.media.preview.PreviewUrl;
import io.zhihang.domain.media.preview.UrlPreview;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * URL previews as Synapse's {@code UrlPreviewer} makes them. A URL asked for again within {@link UrlPreview#LIFETIME}
 * is answered from memory (refusals too, and concurrent requests share one fetch), else from the database cache,
 * which also keeps previews of past times for {@code ts}; only then is the page fetched. An image URL previews as the
 * image; an HTML page as its Open Graph tags, its image copied into the media repository. Other types have no
 * preview ({@code {}}).
 */
@ApplicationScoped
public class PreviewUrlService implements PreviewUrlUseCase, ExpireUrlPreviewsUseCase {
    private static final System.Logger LOG = System.getLogger(PreviewUrlService.class.getName());
    /** Beyond this many remembered URLs, expired ones are dropped as new ones come. */
    private static final int MEMORY_SWEEP_SIZE = 1000;

    private final HomeserverSettings homeserver;
    private final UrlPreviewSettings settings;
    private final UrlFetcher fetcher;
    private final OpenGraphReader reader;
    private final UrlPreviewRepository cache;
    private final MediaBlobStore blobs;
    private final MediaLedger ledger;
    private final ThumbnailRenderer renderer;
    private final IdGenerator ids;
    private final InstantSource clock;
    private final Map<String, Remembered> memory = new ConcurrentHashMap<>();

    public PreviewUrlService(HomeserverSettings homeserver, UrlPreviewSettings settings, UrlFetcher fetcher,
                             OpenGraphReader reader, UrlPreviewRepository cache, MediaBlobStore blobs,
                             MediaLedger ledger, ThumbnailRenderer renderer, IdGenerator ids, InstantSource clock) {
        this.homeserver = homeserver;
        this.settings = settings;
        this.fetcher = fetcher;
        this.reader = reader;
        this.cache = cache;
        this.blobs = blobs;
        this.ledger = ledger;
        this.renderer = renderer;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public JsonObject preview(PreviewUrlQuery query) {
        if (!settings.enabled()) {
            // Synapse without url_preview_enabled has no such endpoint
            throw new DomainException(ErrorKind.UNRECOGNIZED, "Unrecognized request");
        }
        PreviewUrl url = PreviewUrl.parse(query.url());
        Instant now = clock.instant();
        Remembered mine = new Remembered(now.plus(UrlPreview.LIFETIME), new CompletableFuture<>());
        if (memory.size() > MEMORY_SWEEP_SIZE) {
            memory.values().removeIf(entry -> !entry.until().isAfter(now));
        }
        Remembered current = memory.compute(query.url(),
                (key, old) -> old != null && old.until().isAfter(now) ? old : mine);
        if (current == mine) {
            try {
                mine.result().complete(make(query.requester(), url, query.url(), query.at().orElse(now)));
            } catch (DomainException refusal) {
                mine.result().completeExceptionally(refusal); // remembered, as Synapse remembers failures
            } catch (RuntimeException e) {
                memory.remove(query.url(), mine); // our own trouble (the database): the next request tries again
                mine.result().completeExceptionally(e);
            }
        }
        try {
            return current.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Previews and their images go after two days, as in Synapse's url cache expiry. */
    @Override
    public void expire() {
        Instant now = clock.instant();
        ledger.forgetPreviews(now.minus(UrlPreview.IMAGE_RETENTION), now);
    }

    private JsonObject make(Requester requester, PreviewUrl url, String key, Instant at) {
        Optional<UrlPreview> kept = cache.find(key, at);
        if (kept.isPresent() && kept.get().freshAt(at)) {
            return kept.get().openGraph();
        }
        UrlFetcher.Fetched page = fetcher.fetch(url, settings);
        Instant downloadedAt = clock.instant();
        Map<String, Object> tags = new LinkedHashMap<>();
        Optional<MediaId> image = Optional.empty();
        if (page.isImage()) {
            tags.put("og:description", page.fileName().orElse(null));
            image = Optional.of(keepImage(requester, page, tags));
        } else if (page.isHtml()) {
            Map<String, String> found = new LinkedHashMap<>(reader.read(page.body(), page.contentType()));
            String imageRef = found.remove("og:image");
            tags.putAll(OpenGraphTags.withoutOverlong(found));
            image = Optional.ofNullable(imageRef).flatMap(ref -> page.location().resolve(ref))
                    .flatMap(imageUrl -> imageOfPage(requester, imageUrl, tags));
        }
        JsonObject openGraph = json(tags);
        ledger.keepPreview(new UrlPreview(key, downloadedAt, downloadedAt.plus(UrlPreview.LIFETIME), openGraph, image));
        return openGraph;
    }

    /** The page's image, copied into the media repository; a failure leaves the preview without it, as Synapse. */
    private Optional<MediaId> imageOfPage(Requester requester, PreviewUrl imageUrl, Map<String, Object> tags) {
        try {
            UrlFetcher.Fetched fetched = fetcher.fetch(imageUrl, settings);
            return fetched.isImage() ? Optional.of(keepImage(requester, fetched, tags)) : Optional.empty();
        } catch (DomainException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "No image for a URL preview: " + e.getMessage());
            return Optional.empty();
        }
    }

    private MediaId keepImage(Requester requester, UrlFetcher.Fetched image, Map<String, Object> tags) {
        MediaContentType type = MediaContentType.declared(image.contentType());
        byte[] bytes = image.body();
        StoredBlob blob;
        try {
            blob = blobs.store(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the image of a URL preview", e);
        }
        MediaId id = new MediaId(ids.mediaId());
        Optional<String> name = image.fileName().flatMap(PreviewUrlService::acceptableName);
        ledger.insert(new MediaInfo(id, requester.userId(), type, blob.size(), name, blob.sha256(), clock.instant()));
        tags.put("og:image", new MxcUri(homeserver.serverName(), id).toString());
        tags.put("og:image:type", type.essence());
        tags.put("matrix:image:size", (long) image.length());
        try {
            renderer.dimensions(new ByteArrayInputStream(bytes), type.essence()).ifPresent(size -> {
                tags.put("og:image:width", (long) size.width());
                tags.put("og:image:height", (long) size.height());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private static Optional<String> acceptableName(String name) {
        try {
            return Optional.of(MediaFileName.check(name));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static JsonObject json(Map<String, Object> tags) {
        JsonObject.Builder og = JsonObject.builder();
        tags.forEach((name, value) -> {
            switch (value) {
                case String text -> og.put(name, text);
                case Long number -> og.put(name, number);
                case null, default -> { }
            }
        });
        return og.build();
    }

    /** A URL's preview (or refusal) as remembered in memory, and until when. */
    private record Remembered(Instant until, CompletableFuture<JsonObject> result) {
    }
}
