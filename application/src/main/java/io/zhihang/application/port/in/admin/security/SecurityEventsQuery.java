package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.security.SecurityEventType;
import io.zhihang.domain.shared.DomainException;

import java.time.Instant;

/**
 * Which security events an admin asks for: each filter null when absent; {@code from} is the {@code next_token} of
 * the previous page (null: the newest), {@code limit} 1 to {@value #MAX_LIMIT}.
 */
public record SecurityEventsQuery(SecurityEventType type, String userId, String ip, Instant since, Instant until,
                                  Long from, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public SecurityEventsQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidParam("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && from < 0) {
            throw DomainException.invalidParam("from must be a next_token of this endpoint");
        }
    }
}
