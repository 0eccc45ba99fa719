package io.zhihang.application.port.in.account;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;

/** {@code POST /account/password}: {@code logoutDevices} defaults to true, as in the spec. */
public record ChangePasswordCommand(Requester requester, String newPassword, boolean logoutDevices, UiaAuth auth) {
    public ChangePasswordCommand {
        if (newPassword == null) {
            throw DomainException.missingParam("Missing new_password");
        }
    }
}
