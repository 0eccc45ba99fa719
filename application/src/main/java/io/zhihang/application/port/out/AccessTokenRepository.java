package io.zhihang.application.port.out;

import io.zhihang.domain.auth.AccessToken;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** Access-token grants: a token is valid only while its grant is stored. */
public interface AccessTokenRepository {
    void insert(AccessToken token);

    Optional<AccessToken> find(String tokenId);

    Optional<AccessToken> findByRefreshTokenHash(String refreshTokenHash);

    void delete(String tokenId);

    /**
     * {@code successor} has been used: deletes the grant it was refreshed from, any other grants refreshed from that
     * one (abandoned retries), and clears the successor's link.
     */
    void retirePredecessorOf(AccessToken successor);

    void deleteForDevice(UserId userId, DeviceId deviceId);

    /** Deletes every grant of the user except those of device {@code keep} (null keeps none). */
    void deleteForUserExcept(UserId userId, DeviceId keep);
}
