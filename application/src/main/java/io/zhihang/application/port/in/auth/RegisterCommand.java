package io.zhihang.application.port.in.auth;

/** A {@code POST /register} for a user account (guests are refused). */
public record RegisterCommand(String kind, String username, String password, String deviceId,
                              String initialDeviceDisplayName, boolean inhibitLogin, boolean refreshToken,
                              UiaAuth auth, String clientIp) {
    public boolean isGuest() {
        return "guest".equals(kind);
    }
}
