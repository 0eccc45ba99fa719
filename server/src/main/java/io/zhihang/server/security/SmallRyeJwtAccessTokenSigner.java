package io.zhihang.server.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.zhihang.application.port.out.AccessTokenSigner;
import io.zhihang.domain.auth.AccessToken;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens are RS256 JWTs signed with the server's key (SmallRye JWT). The JWT names the grant; whether the
 * grant still exists (not logged out, not expired) is checked against the database by the application layer, so the
 * JWT's own expiry is set far away and revocation is immediate. Successful signature checks are remembered (bounded),
 * which takes RSA verification and JSON parsing off the per-request path.
 */
@Singleton
public class SmallRyeJwtAccessTokenSigner implements AccessTokenSigner {
    private static final String DEVICE_CLAIM = "device_id";

    /** Signature checks already passed: a token's signature never stops being valid, so the result can be kept. */
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    private final JWTParser parser;
    private final String issuer;
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public SmallRyeJwtAccessTokenSigner(JWTParser parser, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.parser = parser;
        this.issuer = issuer;
    }

    @Override
    public String sign(AccessToken grant) {
        return Jwt.issuer(issuer)
                .subject(grant.userId().toString())
                .claim(DEVICE_CLAIM, grant.deviceId().value())
                .claim("jti", grant.tokenId())
                .issuedAt(grant.createdAt())
                .expiresAt(grant.createdAt().plus(36500, ChronoUnit.DAYS))
                .sign();
    }

    @Override
    public Optional<String> verifiedTokenId(String rawToken) {
        if (rawToken == null || rawToken.indexOf('.') < 0) {
            return Optional.empty();
        }
        String known = verified.get(rawToken);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            JsonWebToken jwt = parser.parse(rawToken);
            String tokenId = jwt.getTokenID();
            if (tokenId == null) {
                return Optional.empty();
            }
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(rawToken, tokenId);
            return Optional.of(tokenId);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
