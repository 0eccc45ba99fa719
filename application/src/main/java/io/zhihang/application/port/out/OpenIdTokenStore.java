package io.zhihang.application.port.out;

import io.zhihang.domain.openid.OpenIdToken;

import java.time.Instant;
import java.util.Optional;

/** OpenID tokens, shared by all server instances. */
public interface OpenIdTokenStore {
    void insert(OpenIdToken token);

    Optional<OpenIdToken> find(String token);

    void deleteExpiredBefore(Instant cutoff);
}
