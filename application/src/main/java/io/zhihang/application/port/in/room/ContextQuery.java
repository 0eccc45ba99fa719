package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;

/**
 * {@code GET /rooms/{roomId}/context/{eventId}}: {@code limit} events around the event, split between before and
 * after. With {@code lazyLoadMembers} the state holds only the member events of the senders in the window, otherwise
 * the room's whole current state. A {@code limit} above {@link #MAX_LIMIT} is lowered to it.
 */
public record ContextQuery(Requester requester, String roomId, String eventId, int limit, boolean lazyLoadMembers) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public ContextQuery {
        if (limit < 0) {
            throw DomainException.invalidParam("limit must not be negative");
        }
        limit = Math.min(limit, MAX_LIMIT);
    }
}
