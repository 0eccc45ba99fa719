package io.zhihang.adapter.rest.http;

/**
 * Settings of the HTTP edge, produced by the server module from its configuration.
 *
 * @param maxRequestBytes largest request body accepted (bigger ones get 413 {@code M_TOO_LARGE})
 */
public record HttpSettings(long maxRequestBytes) {
}
