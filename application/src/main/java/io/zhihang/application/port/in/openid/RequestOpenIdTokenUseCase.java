package io.zhihang.application.port.in.openid;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.openid.OpenIdToken;
import io.zhihang.domain.shared.UserId;

/** {@code POST /user/{userId}/openid/request_token}: only for oneself. */
public interface RequestOpenIdTokenUseCase {
    OpenIdToken request(Requester requester, UserId userId);
}
