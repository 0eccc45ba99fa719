package io.zhihang.application.config;

import io.zhihang.domain.net.OutboundAddressPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * URL previews ({@code GET /preview_url}): on or off, the addresses the previewer may connect to, and how much of a
 * page (Synapse's {@code max_spider_size}), for how long and through how many redirects it reads.
 */
public record UrlPreviewSettings(boolean enabled, OutboundAddressPolicy addresses, long maxBytes, Duration timeout,
                                 int maxRedirects) {
    public UrlPreviewSettings {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes < 1 || timeout.isNegative() || timeout.isZero() || maxRedirects < 0) {
            throw new IllegalArgumentException("URL preview limits must be positive");
        }
    }

    /** On, Synapse's 10 MiB {@code max_spider_size}, 10 seconds, 5 redirects, every private address refused. */
    public static UrlPreviewSettings defaults() {
        return new UrlPreviewSettings(true, OutboundAddressPolicy.defaults(), 10L * 1024 * 1024, Duration.ofSeconds(10),
                5);
    }
}
