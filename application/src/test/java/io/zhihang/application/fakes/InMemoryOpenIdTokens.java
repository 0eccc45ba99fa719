package io.zhihang.application.fakes;

import io.zhihang.application.port.out.OpenIdTokenStore;
import io.zhihang.domain.openid.OpenIdToken;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class InMemoryOpenIdTokens implements OpenIdTokenStore {
    private final Map<String, OpenIdToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(OpenIdToken token) {
        tokens.put(token.token(), token);
    }

    @Override
    public Optional<OpenIdToken> find(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public void deleteExpiredBefore(Instant cutoff) {
        tokens.values().removeIf(t -> t.expiresAt().isBefore(cutoff));
    }

    public int size() {
        return tokens.size();
    }
}
