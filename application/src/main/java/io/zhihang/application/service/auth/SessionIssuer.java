package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.application.port.out.AccessTokenSigner;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.AccessToken;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import io.zhihang.application.service.devicelist.DevicesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Opens a session for a user on a device: creates the device (or takes over an existing one, revoking its old
 * tokens, as the spec asks) and issues an access token, plus a refresh token when the client supports them.
 */
@ApplicationScoped
public class SessionIssuer {
    private static final String REFRESH_PREFIX = "zhr_";

    private final DeviceRepository devices;
    private final AccessTokenRepository tokens;
    private final AccessTokenSigner signer;
    private final IdGenerator ids;
    private final HomeserverSettings settings;
    private final Event<DevicesChanged> deviceChanges;

    public SessionIssuer(DeviceRepository devices, AccessTokenRepository tokens, AccessTokenSigner signer,
                         IdGenerator ids, HomeserverSettings settings, Event<DevicesChanged> deviceChanges) {
        this.devices = devices;
        this.tokens = tokens;
        this.signer = signer;
        this.ids = ids;
        this.settings = settings;
        this.deviceChanges = deviceChanges;
    }

    public IssuedSession open(UserId userId, String requestedDeviceId, String displayName, boolean refreshable,
                              String clientIp, Instant now) {
        DeviceId deviceId = new DeviceId(requestedDeviceId == null ? ids.deviceId() : requestedDeviceId);
        Device device = devices.find(userId, deviceId)
                .map(existing -> {
                    tokens.deleteForDevice(userId, deviceId);
                    return existing;
                })
                .orElse(null);
        if (device == null) {
            devices.save(new Device(userId, deviceId, displayName, null, null).seen(clientIp, now));
            deviceChanges.fire(DevicesChanged.added(userId, deviceId));
        } else {
            devices.save(device.seen(clientIp, now));
        }
        return issue(userId, deviceId, refreshable, now);
    }

    /**
     * A new device with a long-lived grant that ends at {@code expiresAt} (null: never), for a session a server
     * admin opens on the user's behalf ({@code POST /_synapse/admin/v1/users/{userId}/login}).
     */
    public String openExpiring(UserId userId, String displayName, Instant expiresAt, Instant now) {
        DeviceId deviceId = new DeviceId(ids.deviceId());
        devices.save(new Device(userId, deviceId, displayName, null, null));
        deviceChanges.fire(DevicesChanged.added(userId, deviceId));
        AccessToken grant = new AccessToken(ids.secret(), userId, deviceId, expiresAt, null, now, null);
        tokens.insert(grant);
        return signer.sign(grant);
    }

    /** Issues a new grant for an existing device. */
    public IssuedSession issue(UserId userId, DeviceId deviceId, boolean refreshable, Instant now) {
        String tokenId = ids.secret();
        if (!refreshable) {
            AccessToken grant = AccessToken.longLived(tokenId, userId, deviceId, now);
            tokens.insert(grant);
            return new IssuedSession(userId, deviceId, signer.sign(grant), null, null);
        }
        String refreshToken = REFRESH_PREFIX + ids.secret();
        AccessToken grant = AccessToken.refreshable(tokenId, userId, deviceId, settings.refreshableTokenLifetime(),
                hashRefreshToken(refreshToken), now);
        tokens.insert(grant);
        return new IssuedSession(userId, deviceId, signer.sign(grant), refreshToken,
                settings.refreshableTokenLifetime());
    }

    /** Issues the successor of a refreshable grant; the old grant stays until the successor is first used. */
    public IssuedSession refresh(AccessToken previous, Instant now) {
        String refreshToken = REFRESH_PREFIX + ids.secret();
        AccessToken grant = AccessToken.refreshedFrom(previous, ids.secret(), settings.refreshableTokenLifetime(),
                hashRefreshToken(refreshToken), now);
        tokens.insert(grant);
        return new IssuedSession(grant.userId(), grant.deviceId(), signer.sign(grant), refreshToken,
                settings.refreshableTokenLifetime());
    }

    /** Refresh tokens are stored only as their SHA-256. */
    public static String hashRefreshToken(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
