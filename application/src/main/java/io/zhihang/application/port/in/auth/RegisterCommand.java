package io.zhihang.application.port.in.auth;

import io.zhihang.domain.auth.RegistrationParams;

/** A {@code POST /register} for a user account (guests are refused). */
public record RegisterCommand(String kind, String username, String password, String deviceId,
                              String initialDeviceDisplayName, boolean inhibitLogin, boolean refreshToken,
                              UiaAuth auth, String clientIp) {
    /** What a registration session remembers of this request (everything but auth and the password). */
    public RegistrationParams params() {
        return new RegistrationParams(username, deviceId, initialDeviceDisplayName, inhibitLogin, refreshToken);
    }

    public boolean isGuest() {
        return "guest".equals(kind);
    }
}
