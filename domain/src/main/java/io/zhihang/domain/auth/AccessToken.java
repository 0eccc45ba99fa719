package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A grant of access for one device. The signed token string carries {@link #tokenId()}; the stored grant is what
 * makes it valid, so deleting the grant revokes the token at once. {@code expiresAt} is set only for refreshable
 * sessions; {@code refreshTokenHash} is the SHA-256 of the refresh token, never the token itself.
 * {@code previousTokenId} names the grant this one was refreshed from: as the spec asks, that grant (and its refresh
 * token) stays valid until this one is first used, so a client that lost the refresh response can retry.
 */
public record AccessToken(String tokenId, UserId userId, DeviceId deviceId, Instant expiresAt,
                          String refreshTokenHash, Instant createdAt, String previousTokenId) {

    public static AccessToken longLived(String tokenId, UserId userId, DeviceId deviceId, Instant now) {
        return new AccessToken(tokenId, userId, deviceId, null, null, now, null);
    }

    public static AccessToken refreshable(String tokenId, UserId userId, DeviceId deviceId, Duration lifetime,
                                          String refreshTokenHash, Instant now) {
        return new AccessToken(tokenId, userId, deviceId, now.plus(lifetime), refreshTokenHash, now, null);
    }

    /** The grant that replaces {@code previous} after a refresh. */
    public static AccessToken refreshedFrom(AccessToken previous, String tokenId, Duration lifetime,
                                            String refreshTokenHash, Instant now) {
        return new AccessToken(tokenId, previous.userId(), previous.deviceId(), now.plus(lifetime), refreshTokenHash,
                now, previous.tokenId());
    }

    /** Whether the grant it was refreshed from still waits to be retired on this grant's first use. */
    public boolean hasPendingPredecessor() {
        return previousTokenId != null;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Optional<Duration> remainingAt(Instant now) {
        return Optional.ofNullable(expiresAt).map(e -> Duration.between(now, e));
    }
}
