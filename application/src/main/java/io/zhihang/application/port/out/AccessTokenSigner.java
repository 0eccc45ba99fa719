package io.zhihang.application.port.out;

import io.zhihang.domain.auth.AccessToken;

import java.util.Optional;

/** Turns grants into signed token strings and back. Signature checks only: validity is the stored grant's. */
public interface AccessTokenSigner {
    String sign(AccessToken grant);

    /** The grant id in a token whose signature is valid; empty for forged or malformed tokens. */
    Optional<String> verifiedTokenId(String rawToken);
}
