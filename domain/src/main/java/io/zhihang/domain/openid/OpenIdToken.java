package io.zhihang.domain.openid;

import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.time.Instant;

/**
 * A token a user hands to a third party (a widget, Element Call, an integration manager) so that it can learn who
 * the user is from this server ({@code GET /_matrix/federation/v1/openid/userinfo}) and nothing else. It grants no
 * access to the account; it expires after {@link #LIFETIME}, as Synapse's {@code openid_token_lifetime}.
 */
public record OpenIdToken(String token, UserId userId, Instant expiresAt) {
    public static final Duration LIFETIME = Duration.ofHours(1);

    public static OpenIdToken issue(String token, UserId userId, Instant now) {
        return new OpenIdToken(token, userId, now.plus(LIFETIME));
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
