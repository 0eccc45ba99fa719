package io.zhihang.application.fakes;

import io.zhihang.application.port.out.GrantDirectory;

import java.util.Optional;

/** The token check's read, answered from the in-memory grant and account repositories. */
public class InMemoryGrantDirectory implements GrantDirectory {
    private final InMemoryAccessTokenRepository tokens;
    private final InMemoryAccountRepository accounts;

    public InMemoryGrantDirectory(InMemoryAccessTokenRepository tokens, InMemoryAccountRepository accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Optional<ActiveGrant> findActive(String tokenId) {
        return tokens.find(tokenId).flatMap(grant -> accounts.find(grant.userId())
                .filter(account -> !account.deactivated())
                .map(account -> new ActiveGrant(grant, account.admin(), account.guest())));
    }
}
