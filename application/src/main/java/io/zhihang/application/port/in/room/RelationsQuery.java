package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;

/**
 * {@code GET /rooms/{roomId}/relations/{eventId}[/{relType}[/{eventType}]]}. {@code relType} and {@code eventType}
 * are null when not given; tokens are null when absent. A {@code limit} above {@link #MAX_LIMIT} is lowered to it.
 */
public record RelationsQuery(Requester requester, String roomId, String eventId, String relType, String eventType,
                             String from, String to, int limit, boolean backwards) {
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 1000;

    public RelationsQuery {
        if (limit < 0) {
            throw DomainException.invalidParam("limit must not be negative");
        }
        if (eventType != null && relType == null) {
            throw DomainException.invalidParam("An event type filter needs a relation type");
        }
        limit = Math.min(limit, MAX_LIMIT);
    }
}
