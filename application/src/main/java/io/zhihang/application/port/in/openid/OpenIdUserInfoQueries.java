package io.zhihang.application.port.in.openid;

import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** {@code GET /_matrix/federation/v1/openid/userinfo}: whose a live OpenID token is. */
public interface OpenIdUserInfoQueries {
    Optional<UserId> userOf(String token);
}
