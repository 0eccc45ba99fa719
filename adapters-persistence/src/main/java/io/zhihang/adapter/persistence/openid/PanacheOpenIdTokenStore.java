package io.zhihang.adapter.persistence.openid;

import io.zhihang.application.port.out.OpenIdTokenStore;
import io.zhihang.domain.openid.OpenIdToken;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class PanacheOpenIdTokenStore implements OpenIdTokenStore {
    private final OpenIdTokenPanacheRepo repo;

    PanacheOpenIdTokenStore(OpenIdTokenPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public void insert(OpenIdToken token) {
        OpenIdTokenEntity e = new OpenIdTokenEntity();
        e.token = token.token();
        e.userId = token.userId().toString();
        e.expiresAt = token.expiresAt();
        repo.persist(e);
    }

    @Override
    public Optional<OpenIdToken> find(String token) {
        return repo.findByIdOptional(token)
                .map(e -> new OpenIdToken(e.token, UserId.parse(e.userId), e.expiresAt));
    }

    @Override
    public void deleteExpiredBefore(Instant cutoff) {
        repo.delete("expiresAt < ?1", cutoff);
    }
}
