package io.zhihang.application.fakes;

import io.zhihang.application.port.out.UiaSessionStore;
import io.zhihang.domain.auth.UiaSession;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** User-Interactive Authentication sessions in a map, for tests. */
public class InMemoryUiaSessionStore implements UiaSessionStore {
    private final Map<String, UiaSession> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<UiaSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public void save(UiaSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public void delete(String sessionId) {
        sessions.remove(sessionId);
    }

    @Override
    public void deleteCreatedBefore(Instant cutoff) {
        sessions.values().removeIf(s -> s.createdAt().isBefore(cutoff));
    }

    public int size() {
        return sessions.size();
    }
}
