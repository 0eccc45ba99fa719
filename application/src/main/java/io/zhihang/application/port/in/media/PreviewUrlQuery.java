package io.zhihang.application.port.in.media;

import io.zhihang.domain.auth.Requester;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for a preview of which URL (as the client wrote it; checked by the service), and, with {@code ts}, of the
 * page as it was at that time if a preview of then is kept.
 */
public record PreviewUrlQuery(Requester requester, String url, Optional<Instant> at) {
    public PreviewUrlQuery {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(at, "at");
    }
}
