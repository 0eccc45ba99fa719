package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.lifecycle.MessageType;

import java.time.Instant;

/**
 * {@code GET /api/messages/search}: words to find, optionally in one chat, from one sender, of one type, within
 * {@code [from, to)}; page {@code page} (from 1) of {@code pageSize}.
 */
public record SeedSearch(String query, String chat, String sender, MessageType type, Instant from, Instant to,
                         int page, int pageSize) {
}
