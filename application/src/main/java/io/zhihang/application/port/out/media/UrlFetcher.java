package io.zhihang.application.port.out.media;

import io.zhihang.application.config.UrlPreviewSettings;
import io.zhihang.domain.media.preview.PreviewUrl;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches a web page or image for a URL preview. Each host is resolved, every address checked against
 * {@link UrlPreviewSettings#addresses()}, and the connection made to the checked address itself (no second lookup a
 * DNS answer could change in between); redirects are followed one hop at a time, each checked the same way.
 * Refusals are {@link io.zhihang.domain.shared.DomainException}s: {@code PREVIEW_BLOCKED} for an address literal
 * that may not be reached, {@code PREVIEW_UNAVAILABLE} for anything that keeps the page from arriving (no
 * permitted address, no answer within the timeout, an error status, a type that cannot be previewed) and
 * {@code PREVIEW_TOO_LARGE} for more than {@link UrlPreviewSettings#maxBytes()}.
 */
public interface UrlFetcher {
    Fetched fetch(PreviewUrl url, UrlPreviewSettings limits);

    /**
     * A fetched resource: where it was found after redirects, its {@code Content-Type}, the body and the file name
     * of its {@code Content-Disposition}, if any.
     */
    record Fetched(PreviewUrl location, String contentType, byte[] body, Optional<String> fileName) {
        public Fetched {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public int length() {
            return body.length;
        }

        public boolean isImage() {
            return contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("image/");
        }

        public boolean isHtml() {
            String type = contentType.strip().toLowerCase(java.util.Locale.ROOT);
            return type.startsWith("text/html") || type.startsWith("application/xhtml");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fetched that && location.equals(that.location)
                    && contentType.equals(that.contentType) && Arrays.equals(body, that.body)
                    && fileName.equals(that.fileName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(location, contentType, Arrays.hashCode(body), fileName);
        }

        @Override
        public String toString() {
            return "Fetched[" + location + ", " + contentType + ", " + body.length + " bytes]";
        }
    }
}
