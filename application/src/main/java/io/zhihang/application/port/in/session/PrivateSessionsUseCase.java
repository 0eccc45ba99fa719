package io.zhihang.application.port.in.session;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * Private sessions (issue 17): direct rooms with settings in their state. A session that is unknown, not the
 * caller's, or deleted by the caller is {@code 404 M_NOT_FOUND} alike; a message that is not in one of the caller's
 * sessions too.
 */
public interface PrivateSessionsUseCase {
    SessionView open(OpenSessionCommand command);

    /** Leaves and forgets the session's room; with {@code auto_delete} first destroys its messages for both. */
    void delete(Requester requester, String sessionId);

    /** Sends an {@code m.room.message} with {@code content}; with a TTL it destroys itself TTL after sending. */
    SessionMessage send(Requester requester, String sessionId, JsonObject content);

    /** Redacts one of the caller's own messages (another's: {@code 403 M_FORBIDDEN}). */
    void deleteMessage(Requester requester, String messageId);

    /** An {@code m.read} receipt on the message. */
    void markRead(Requester requester, String messageId);
}
