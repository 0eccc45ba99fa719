package io.zhihang.application.port.out.session;

import io.zhihang.domain.session.PrivateSession;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Optional;

/**
 * The index of private sessions (the {@code private_sessions} table): which room is whose session, with the settings
 * chosen at its creation. Written once, when a session is created; whether a participant still has it is their
 * membership of its room.
 */
public interface PrivateSessionRepository {
    void add(PrivateSession session);

    Optional<PrivateSession> find(String sessionId);

    /** The sessions {@code user} created or was invited to, newest first. */
    List<PrivateSession> of(UserId user);
}
