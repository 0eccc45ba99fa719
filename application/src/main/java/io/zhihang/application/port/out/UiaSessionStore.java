package io.zhihang.application.port.out;

import io.zhihang.domain.auth.UiaSession;

import java.time.Instant;
import java.util.Optional;

/** User-Interactive Authentication sessions, shared by all server instances. */
public interface UiaSessionStore {
    Optional<UiaSession> find(String sessionId);

    void save(UiaSession session);

    void delete(String sessionId);

    void deleteCreatedBefore(Instant cutoff);
}
