package io.zhihang.application.service.openid;

import io.zhihang.application.port.in.openid.OpenIdUserInfoQueries;
import io.zhihang.application.port.in.openid.RequestOpenIdTokenUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.OpenIdTokenStore;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.openid.OpenIdToken;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.Optional;

@ApplicationScoped
public class OpenIdService implements RequestOpenIdTokenUseCase, OpenIdUserInfoQueries {
    private final OpenIdTokenStore tokens;
    private final IdGenerator ids;
    private final InstantSource clock;

    public OpenIdService(OpenIdTokenStore tokens, IdGenerator ids, InstantSource clock) {
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OpenIdToken request(Requester requester, UserId userId) {
        if (!requester.userId().equals(userId)) {
            throw DomainException.forbidden("Cannot request tokens for other users.");
        }
        OpenIdToken token = OpenIdToken.issue(ids.secret(), userId, clock.instant());
        tokens.insert(token);
        return token;
    }

    @Override
    @Transactional
    public Optional<UserId> userOf(String token) {
        return tokens.find(token).filter(t -> t.isValidAt(clock.instant())).map(OpenIdToken::userId);
    }
}
