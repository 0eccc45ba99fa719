package io.zhihang.adapter.persistence.auth;

import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.domain.auth.AccessToken;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class PanacheAccessTokenRepository implements AccessTokenRepository {
    private final AccessTokenPanacheRepo repo;
    private final GrantCache grants;

    PanacheAccessTokenRepository(AccessTokenPanacheRepo repo, GrantCache grants) {
        this.repo = repo;
        this.grants = grants;
    }

    @Override
    public void insert(AccessToken token) {
        AccessTokenEntity e = new AccessTokenEntity();
        e.tokenId = token.tokenId();
        e.userId = token.userId().toString();
        e.deviceId = token.deviceId().value();
        e.expiresAt = token.expiresAt();
        e.refreshTokenHash = token.refreshTokenHash();
        e.createdAt = token.createdAt();
        e.previousTokenId = token.previousTokenId();
        repo.persist(e);
    }

    @Override
    public Optional<AccessToken> find(String tokenId) {
        return repo.findByIdOptional(tokenId).map(PanacheAccessTokenRepository::toDomain);
    }

    @Override
    public Optional<AccessToken> findByRefreshTokenHash(String refreshTokenHash) {
        return repo.find("refreshTokenHash", refreshTokenHash).firstResultOptional()
                .map(PanacheAccessTokenRepository::toDomain);
    }

    @Override
    public void delete(String tokenId) {
        grants.invalidate();
        repo.deleteById(tokenId);
    }

    @Override
    public void retirePredecessorOf(AccessToken successor) {
        grants.invalidate();
        String previous = successor.previousTokenId();
        repo.deleteById(previous);
        repo.delete("previousTokenId = ?1 and tokenId <> ?2", previous, successor.tokenId());
        repo.update("previousTokenId = null where tokenId = ?1", successor.tokenId());
    }

    @Override
    public void deleteForDevice(UserId userId, DeviceId deviceId) {
        grants.invalidate();
        repo.delete("userId = ?1 and deviceId = ?2", userId.toString(), deviceId.value());
    }

    @Override
    public void deleteForUserExcept(UserId userId, DeviceId keep) {
        grants.invalidate();
        if (keep == null) {
            repo.delete("userId", userId.toString());
        } else {
            repo.delete("userId = ?1 and deviceId <> ?2", userId.toString(), keep.value());
        }
    }

    private static AccessToken toDomain(AccessTokenEntity e) {
        return new AccessToken(e.tokenId, UserId.parse(e.userId), new DeviceId(e.deviceId), e.expiresAt,
                e.refreshTokenHash, e.createdAt, e.previousTokenId);
    }
}
