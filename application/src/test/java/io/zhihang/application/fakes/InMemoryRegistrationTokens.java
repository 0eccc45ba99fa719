package io.zhihang.application.fakes;

import io.zhihang.application.port.out.RegistrationTokenRepository;
import io.zhihang.domain.auth.RegistrationToken;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Admin-made registration tokens in memory, with holds counted as the JDBC store counts them. */
public class InMemoryRegistrationTokens implements RegistrationTokenRepository {
    private final Map<String, RegistrationToken> tokens = new TreeMap<>();
    private final Map<String, String> holds = new HashMap<>();
    private final Map<String, Instant> heldAt = new HashMap<>();

    @Override
    public synchronized List<RegistrationToken> all(Instant liveSince) {
        return tokens.keySet().stream().map(t -> find(t, liveSince).orElseThrow()).toList();
    }

    @Override
    public synchronized Optional<RegistrationToken> find(String token, Instant liveSince) {
        RegistrationToken stored = tokens.get(token);
        if (stored == null) {
            return Optional.empty();
        }
        int pending = (int) holds.entrySet().stream()
                .filter(h -> h.getValue().equals(token) && heldAt.get(h.getKey()).isAfter(liveSince)).count();
        return Optional.of(new RegistrationToken(token, stored.usesAllowed(), pending, stored.completed(),
                stored.expiryTime()));
    }

    @Override
    public synchronized boolean insert(String token, Integer usesAllowed, Long expiryTime) {
        return tokens.putIfAbsent(token, new RegistrationToken(token, usesAllowed, 0, 0, expiryTime)) == null;
    }

    @Override
    public synchronized boolean update(String token, Integer usesAllowed, Long expiryTime) {
        RegistrationToken stored = tokens.get(token);
        if (stored == null) {
            return false;
        }
        tokens.put(token, new RegistrationToken(token, usesAllowed, 0, stored.completed(), expiryTime));
        return true;
    }

    @Override
    public synchronized boolean delete(String token) {
        holds.values().removeIf(token::equals);
        return tokens.remove(token) != null;
    }

    @Override
    public synchronized boolean hold(String token, String sessionId, Instant now, Instant liveSince) {
        if (token.equals(holds.get(sessionId))) {
            return true;
        }
        Optional<RegistrationToken> current = find(token, liveSince);
        if (current.isEmpty() || !current.get().isValid(now)) {
            return false;
        }
        holds.put(sessionId, token);
        heldAt.put(sessionId, now);
        return true;
    }

    @Override
    public synchronized void complete(String sessionId) {
        String token = holds.remove(sessionId);
        if (token != null) {
            RegistrationToken stored = tokens.get(token);
            tokens.put(token, new RegistrationToken(token, stored.usesAllowed(), 0, stored.completed() + 1,
                    stored.expiryTime()));
        }
    }
}
