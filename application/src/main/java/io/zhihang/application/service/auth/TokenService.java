package io.zhihang.application.service.auth;

import io.zhihang.application.port.in.auth.AuthenticateUseCase;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.LogoutUseCase;
import io.zhihang.application.port.in.auth.RefreshTokenUseCase;
import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.application.port.out.AccessTokenSigner;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.GrantDirectory;
import io.zhihang.domain.auth.AccessToken;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UnknownTokenException;
import io.zhihang.application.service.devicelist.DevicesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Checks access tokens, refreshes them, and ends sessions. */
@ApplicationScoped
public class TokenService implements AuthenticateUseCase, RefreshTokenUseCase, LogoutUseCase {
    private final AccessTokenSigner signer;
    private final AccessTokenRepository tokens;
    private final GrantDirectory grants;
    private final DeviceRepository devices;
    private final SessionIssuer sessions;
    private final TokenRetirement retirement;
    private final DeviceActivity activity;
    private final InstantSource clock;
    private final Event<DevicesChanged> deviceChanges;

    public TokenService(AccessTokenSigner signer, AccessTokenRepository tokens, GrantDirectory grants,
                        DeviceRepository devices, SessionIssuer sessions, TokenRetirement retirement,
                        DeviceActivity activity, InstantSource clock,
                        Event<DevicesChanged> deviceChanges) {
        this.signer = signer;
        this.tokens = tokens;
        this.grants = grants;
        this.devices = devices;
        this.sessions = sessions;
        this.retirement = retirement;
        this.activity = activity;
        this.clock = clock;
        this.deviceChanges = deviceChanges;
    }

    /** Read-only and on every request: joins a caller's transaction if there is one, but never starts one. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Requester authenticate(String accessToken, String clientIp) {
        String tokenId = signer.verifiedTokenId(accessToken)
                .orElseThrow(() -> new UnknownTokenException("Invalid access token passed.", false));
        GrantDirectory.ActiveGrant active = grants.findActive(tokenId)
                .orElseThrow(() -> new UnknownTokenException("Access token has been revoked.", false));
        AccessToken grant = active.grant();
        Instant now = clock.instant();
        if (grant.isExpired(now)) {
            throw new UnknownTokenException("Access token has expired.", true);
        }
        if (grant.hasPendingPredecessor()) {
            retirement.retirePredecessorOf(grant);
        }
        activity.note(grant.userId(), grant.deviceId(), clientIp, now);
        return new Requester(grant.userId(), grant.deviceId(), grant.tokenId(), active.holderIsAdmin(),
                active.holderIsGuest());
    }

    @Override
    @Transactional
    public IssuedSession refresh(String refreshToken) {
        Instant now = clock.instant();
        AccessToken used = tokens.findByRefreshTokenHash(SessionIssuer.hashRefreshToken(refreshToken))
                .orElseThrow(() -> new UnknownTokenException("Unknown refresh token.", false));
        if (used.hasPendingPredecessor()) {
            tokens.retirePredecessorOf(used);
        }
        return sessions.refresh(used, now);
    }

    @Override
    @Transactional
    public void logout(Requester requester) {
        tokens.deleteForDevice(requester.userId(), requester.deviceId());
        devices.delete(requester.userId(), requester.deviceId());
        deviceChanges.fire(DevicesChanged.removed(requester.userId(), List.of(requester.deviceId())));
    }

    @Override
    @Transactional
    public void logoutAll(Requester requester) {
        tokens.deleteForUserExcept(requester.userId(), null);
        List<DeviceId> removed = devices.deleteAllExcept(requester.userId(), null);
        deviceChanges.fire(DevicesChanged.removed(requester.userId(), removed));
    }
}
