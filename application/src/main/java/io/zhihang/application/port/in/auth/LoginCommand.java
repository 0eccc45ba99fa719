package io.zhihang.application.port.in.auth;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/**
 * A {@code POST /login}. {@code identifierType} is null for the legacy form with a top-level {@code user}.
 */
public record LoginCommand(String type, String identifierType, String user, String password, String deviceId,
                           String initialDeviceDisplayName, boolean refreshToken, String clientIp) {
    public LoginCommand {
        if (type == null) {
            throw DomainException.missingParam("Missing login type");
        }
        if (!"m.login.password".equals(type)) {
            throw new DomainException(ErrorKind.UNKNOWN, "Unknown login type " + type);
        }
        if (identifierType != null && !"m.id.user".equals(identifierType)) {
            throw new DomainException(ErrorKind.UNKNOWN, "Unknown login identifier type " + identifierType);
        }
        if (user == null || user.isEmpty()) {
            throw DomainException.missingParam("Missing user identifier");
        }
        if (password == null) {
            throw DomainException.missingParam("Missing password");
        }
    }
}
