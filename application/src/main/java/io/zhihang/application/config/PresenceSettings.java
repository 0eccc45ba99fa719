package io.zhihang.application.config;

/**
 * Synapse's {@code presence.enabled}. When off, presence is neither tracked nor sent: {@code PUT} is accepted and
 * ignored, {@code GET} says offline, and sync gets no presence.
 */
public record PresenceSettings(boolean enabled) {
}
