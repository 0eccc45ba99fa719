package io.zhihang.adapter.persistence.auth;

import io.zhihang.application.port.out.UiaSessionStore;
import io.zhihang.domain.auth.UiaSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class PanacheUiaSessionStore implements UiaSessionStore {
    private final UiaSessionPanacheRepo repo;

    PanacheUiaSessionStore(UiaSessionPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Optional<UiaSession> find(String sessionId) {
        return repo.findByIdOptional(sessionId).map(e -> new UiaSession(e.sessionId, e.purpose, e.boundUser,
                e.completed.isEmpty() ? Set.of() : Arrays.stream(e.completed.split(" ")).collect(Collectors.toSet()),
                e.createdAt, e.clientParams, e.passwordHash, e.result));
    }

    @Override
    public void save(UiaSession session) {
        UiaSessionEntity e = repo.findById(session.id());
        boolean fresh = e == null;
        if (fresh) {
            e = new UiaSessionEntity();
            e.sessionId = session.id();
        }
        e.purpose = session.purpose();
        e.boundUser = session.boundUser();
        e.completed = String.join(" ", session.completed());
        e.createdAt = session.createdAt();
        e.clientParams = session.clientParams();
        e.passwordHash = session.passwordHash();
        e.result = session.result();
        if (fresh) {
            repo.persist(e);
        }
    }

    @Override
    public void delete(String sessionId) {
        repo.deleteById(sessionId);
    }

    @Override
    public void deleteCreatedBefore(Instant cutoff) {
        repo.delete("createdAt < ?1", cutoff);
    }
}
