package io.zhihang.domain.turn;

import io.zhihang.domain.shared.UserId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * What {@code GET /voip/turnServer} hands a client: TURN server URIs and credentials valid for {@code ttl}.
 * With a shared secret they are the time-limited credentials of coturn's {@code use-auth-secret} (the TURN REST API
 * draft, as Synapse makes them): the user name is {@code <expiry in Unix seconds>:<user id>} and the password the
 * standard padded Base64 of HMAC-SHA1(secret, user name), so the TURN server checks them with the same secret.
 */
public record TurnCredentials(String username, String password, Duration ttl, List<String> uris) {
    public TurnCredentials {
        uris = List.copyOf(uris);
    }

    public static TurnCredentials timeLimited(List<String> uris, String sharedSecret, UserId user, Duration lifetime,
                                              Instant now) {
        long expiry = now.plus(lifetime).getEpochSecond();
        String username = expiry + ":" + user;
        return new TurnCredentials(username, hmacSha1Base64(sharedSecret, username), lifetime, uris);
    }

    /** Fixed credentials the operator configured (Synapse's {@code turn_username} and {@code turn_password}). */
    public static TurnCredentials fixed(List<String> uris, String username, String password, Duration lifetime) {
        return new TurnCredentials(username, password, lifetime, uris);
    }

    private static String hmacSha1Base64(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no HmacSHA1", e);
        }
    }
}
