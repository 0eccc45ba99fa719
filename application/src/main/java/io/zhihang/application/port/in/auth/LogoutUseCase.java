package io.zhihang.application.port.in.auth;

import io.zhihang.domain.auth.Requester;

/** Ends sessions: the device and its tokens go at once. */
public interface LogoutUseCase {
    void logout(Requester requester);

    void logoutAll(Requester requester);
}
