package io.zhihang.domain.security;

import io.zhihang.domain.protocol.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the security event log: what happened, when, who did it (a user id, or null when unknown), from which
 * address (null when unknown), to what ({@code target}: a user, room, media or address, or null) and the details.
 * Details never hold secrets (passwords, tokens): what is logged is what an operator may read.
 */
public record SecurityEvent(SecurityEventType type, Instant at, String userId, String ip, String action,
                            String target, JsonObject details) {
    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = details == null ? JsonObject.EMPTY : details;
    }

    /** An admin action of the audit trail: {@code action} names it (e.g. {@code deactivate_user}). */
    public static SecurityEvent adminAction(String admin, String ip, String action, String target, JsonObject details,
                                            Instant at) {
        return new SecurityEvent(SecurityEventType.ADMIN_ACTION, at, admin, ip, action, target, details);
    }
}
