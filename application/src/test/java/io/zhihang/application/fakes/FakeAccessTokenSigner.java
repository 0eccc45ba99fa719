package io.zhihang.application.fakes;

import io.zhihang.application.port.out.AccessTokenSigner;
import io.zhihang.domain.auth.AccessToken;

import java.util.Optional;

/** Token strings are {@code tok.<tokenId>}; anything without the prefix counts as forged. */
public class FakeAccessTokenSigner implements AccessTokenSigner {
    public static final String PREFIX = "tok.";

    @Override
    public String sign(AccessToken grant) {
        return PREFIX + grant.tokenId();
    }

    @Override
    public Optional<String> verifiedTokenId(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(PREFIX) || rawToken.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(rawToken.substring(PREFIX.length()));
    }
}
