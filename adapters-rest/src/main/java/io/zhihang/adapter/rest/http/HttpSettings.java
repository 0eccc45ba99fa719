package io.zhihang.adapter.rest.http;

/**
 * Settings of the HTTP edge, produced by the server module from its configuration.
 *
 * @param maxRequestBytes largest request body accepted (bigger ones get 413 {@code M_TOO_LARGE})
 * @param maxUploadBytes  largest body of a media or voice upload (streamed to the store, not held in memory)
 */
public record HttpSettings(long maxRequestBytes, long maxUploadBytes) {
}
