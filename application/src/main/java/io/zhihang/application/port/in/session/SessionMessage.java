package io.zhihang.application.port.in.session;

import io.zhihang.domain.protocol.json.JsonObject;

/**
 * A message of a session: an {@code m.room.message} event of its room.
 *
 * @param messageId the event id
 * @param expiresTs when the message destroys itself (the session's TTL after it was sent); null for never
 */
public record SessionMessage(String messageId, String sessionId, String sender, JsonObject content,
                             long originServerTs, Long expiresTs) {
}
