package io.zhihang.application.port.in.auth;

/** Exchanges a refresh token for a new access token and refresh token. */
public interface RefreshTokenUseCase {
    IssuedSession refresh(String refreshToken);
}
