package io.zhihang.application.port.in.auth;

import io.zhihang.domain.shared.DomainException;

/** Synapse's {@code POST /_synapse/admin/v1/register}. */
public record SharedSecretRegisterCommand(String nonce, String username, String displayName, String password,
                                          boolean admin, String userType, String mac) {
    public SharedSecretRegisterCommand {
        if (nonce == null || username == null || password == null || mac == null) {
            throw DomainException.missingParam("nonce, username, password and mac are required");
        }
    }
}
