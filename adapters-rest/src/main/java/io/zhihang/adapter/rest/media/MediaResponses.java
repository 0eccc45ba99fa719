package io.zhihang.adapter.rest.media;

import io.zhihang.application.port.in.media.MediaContent;
import io.zhihang.domain.media.ContentDisposition;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * How media leaves the server: the uploaded type (text as UTF-8), {@code inline} only for safe types, and headers
 * that stop a browser from running or sniffing it ({@code Content-Security-Policy: sandbox …},
 * {@code X-Content-Type-Options: nosniff}), as Synapse sends them.
 */
final class MediaResponses {
    static final String CSP = "sandbox; default-src 'none'; script-src 'none'; plugin-types application/pdf; "
            + "style-src 'unsafe-inline'; media-src 'self'; object-src 'self';";
    /** Spec default for {@code timeout_ms}; longer waits are cut to {@link #MAX_WAIT}. */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private MediaResponses() {
    }

    static Response content(MediaContent content, Optional<String> fileName, boolean authenticated) {
        Optional<String> name = fileName.or(content::fileName);
        Object entity = content.bytes().file().<Object>map(java.nio.file.Path::toFile).orElseGet(() -> {
            try {
                return content.bytes().open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Response.ok(entity)
                .header("Content-Type", content.contentType().served())
                .header("Content-Length", content.bytes().size())
                .header("Content-Disposition", ContentDisposition.of(content.contentType(), name))
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Robots-Tag", "noindex, nofollow, noarchive, noimageindex")
                .header("Cache-Control", authenticated ? "private, max-age=86400" : "public, max-age=86400, s-maxage=86400")
                .build();
    }

    /** {@code timeout_ms}: how long to wait for content reserved but not yet uploaded. */
    static Duration maxWait(String timeoutMs) {
        if (timeoutMs == null || timeoutMs.isBlank()) {
            return DEFAULT_WAIT;
        }
        try {
            long millis = Long.parseLong(timeoutMs.trim());
            if (millis < 0) {
                throw DomainException.invalidParam("timeout_ms must not be negative");
            }
            return Duration.ofMillis(Math.min(millis, MAX_WAIT.toMillis()));
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("timeout_ms must be an integer");
        }
    }
}
