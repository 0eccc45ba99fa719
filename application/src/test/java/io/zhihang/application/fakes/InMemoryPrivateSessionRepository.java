package io.zhihang.application.fakes;

import io.zhihang.application.port.out.session.PrivateSessionRepository;
import io.zhihang.domain.session.PrivateSession;
import io.zhihang.domain.shared.UserId;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The private session index in memory. */
public final class InMemoryPrivateSessionRepository implements PrivateSessionRepository {
    private final Map<String, PrivateSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(PrivateSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<PrivateSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<PrivateSession> of(UserId user) {
        return sessions.values().stream().filter(s -> s.isParticipant(user))
                .sorted(Comparator.comparing(PrivateSession::createdAt).reversed()).toList();
    }
}
