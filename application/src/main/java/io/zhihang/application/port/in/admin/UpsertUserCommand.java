package io.zhihang.application.port.in.admin;

import io.zhihang.domain.shared.UserId;

/**
 * {@code PUT /_synapse/admin/v2/users/{userId}}: creates the account or changes what is given. A null field is left
 * as it is (a new account gets no password, no admin flag); an empty display name or avatar URL clears it.
 */
public record UpsertUserCommand(AdminCaller caller, UserId user, String password, boolean logoutDevices,
                                String displayName, String avatarUrl, Boolean admin, Boolean deactivated) {
}
