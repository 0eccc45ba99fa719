package io.zhihang.application.service.auth;

import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.domain.auth.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Retires the grant a refreshed token came from, on the new token's first use. Its own unit of work, because token
 * checks run without a transaction.
 */
@ApplicationScoped
public class TokenRetirement {
    private final AccessTokenRepository tokens;

    public TokenRetirement(AccessTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public void retirePredecessorOf(AccessToken successor) {
        tokens.retirePredecessorOf(successor);
    }
}
