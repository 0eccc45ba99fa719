package io.zhihang.application.fakes;

import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.domain.auth.AccessToken;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access-token grants in a map keyed by token id, for tests. */
public class InMemoryAccessTokenRepository implements AccessTokenRepository {
    private final Map<String, AccessToken> grants = new ConcurrentHashMap<>();

    @Override
    public void insert(AccessToken token) {
        if (grants.putIfAbsent(token.tokenId(), token) != null) {
            throw new IllegalStateException("Duplicate token id " + token.tokenId());
        }
    }

    @Override
    public Optional<AccessToken> find(String tokenId) {
        return Optional.ofNullable(grants.get(tokenId));
    }

    @Override
    public Optional<AccessToken> findByRefreshTokenHash(String refreshTokenHash) {
        return grants.values().stream()
                .filter(g -> Objects.equals(g.refreshTokenHash(), refreshTokenHash))
                .findFirst();
    }

    @Override
    public void delete(String tokenId) {
        grants.remove(tokenId);
    }

    @Override
    public void retirePredecessorOf(AccessToken successor) {
        String previous = successor.previousTokenId();
        grants.remove(previous);
        grants.values().removeIf(g -> previous.equals(g.previousTokenId()) && !g.tokenId().equals(successor.tokenId()));
        grants.computeIfPresent(successor.tokenId(), (id, g) -> new AccessToken(g.tokenId(), g.userId(), g.deviceId(),
                g.expiresAt(), g.refreshTokenHash(), g.createdAt(), null));
    }

    @Override
    public void deleteForDevice(UserId userId, DeviceId deviceId) {
        grants.values().removeIf(g -> g.userId().equals(userId) && g.deviceId().equals(deviceId));
    }

    @Override
    public void deleteForUserExcept(UserId userId, DeviceId keep) {
        grants.values().removeIf(g -> g.userId().equals(userId) && !g.deviceId().equals(keep));
    }

    /** Every grant of the user, for assertions. */
    public List<AccessToken> grantsOf(UserId userId) {
        return grants.values().stream().filter(g -> g.userId().equals(userId)).toList();
    }
}
