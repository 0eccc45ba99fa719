package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;

/**
 * {@code GET /rooms/{roomId}/threads}: all thread roots, or only those of threads the requester took part in.
 * {@code from} is null for the most recent threads. A {@code limit} above {@link #MAX_LIMIT} is lowered to it.
 */
public record ThreadsQuery(Requester requester, String roomId, boolean participatedOnly, String from, int limit) {
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 100;

    public ThreadsQuery {
        if (limit <= 0) {
            throw DomainException.invalidParam("limit must be greater than zero");
        }
        limit = Math.min(limit, MAX_LIMIT);
    }
}
