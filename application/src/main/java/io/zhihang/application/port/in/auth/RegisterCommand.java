package io.zhihang.application.port.in.auth;

import io.zhihang.domain.auth.RegistrationParams;

/**
 * A {@code POST /register}: for a user account, or ({@code kind=guest}) a guest account. {@code guestAccessToken}
 * (the body's {@code guest_access_token}) asks to upgrade that guest to a full account with the same user id.
 */
public record RegisterCommand(String kind, String username, String password, String deviceId,
                              String initialDeviceDisplayName, boolean inhibitLogin, boolean refreshToken,
                              UiaAuth auth, String clientIp, String guestAccessToken) {

    public RegisterCommand(String kind, String username, String password, String deviceId,
                           String initialDeviceDisplayName, boolean inhibitLogin, boolean refreshToken,
                           UiaAuth auth, String clientIp) {
        this(kind, username, password, deviceId, initialDeviceDisplayName, inhibitLogin, refreshToken, auth, clientIp,
                null);
    }

    /**
     * What a registration session remembers of this request (everything but auth and the password), with the user
     * id of the guest being upgraded, if any.
     */
    public RegistrationParams params(String upgradingGuest) {
        return new RegistrationParams(username, deviceId, initialDeviceDisplayName, inhibitLogin, refreshToken,
                upgradingGuest);
    }

    public boolean isGuest() {
        return "guest".equals(kind);
    }
}
