package io.zhihang.application.port.in.auth;

/** Password login: creates (or reuses) a device and issues its tokens. */
public interface LoginUseCase {
    IssuedSession login(LoginCommand command);
}
