package io.zhihang.application.port.in.auth;

import io.zhihang.domain.auth.Requester;

/** Resolves an access token to its requester, or refuses it ({@code M_UNKNOWN_TOKEN}). */
public interface AuthenticateUseCase {
    /** Also notes the device's activity (last seen address and time). */
    Requester authenticate(String accessToken, String clientIp);

    default Requester authenticate(String accessToken) {
        return authenticate(accessToken, null);
    }
}
