package io.zhihang.application.port.in.auth;

import io.zhihang.domain.auth.Requester;

/** Resolves an access token to its requester, or refuses it ({@code M_UNKNOWN_TOKEN}). */
public interface AuthenticateUseCase {
    Requester authenticate(String accessToken);
}
