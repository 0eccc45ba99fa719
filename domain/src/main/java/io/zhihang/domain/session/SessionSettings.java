package io.zhihang.domain.session;

import io.zhihang.domain.shared.DomainException;

import java.time.Instant;
import java.util.Optional;

/**
 * What a private session's creator chose: a name (trimmed, at most {@link #MAX_NAME_LENGTH} characters, no control
 * characters; blank means none), how long each message lives ({@code ttl_seconds}: {@link #MIN_TTL_SECONDS} to {@link #MAX_TTL_SECONDS}, or
 * none) and whether deleting the session destroys its messages for both participants ({@code auto_delete}).
 *
 * @param ttlSeconds null: messages live until someone deletes them
 */
public record SessionSettings(String name, Long ttlSeconds, boolean autoDelete) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final long MIN_TTL_SECONDS = 1;
    /** Thirty days. */
    public static final long MAX_TTL_SECONDS = 2_592_000;

    public SessionSettings {
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw DomainException.invalidParam("A session's name is at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidParam("A session's name cannot hold control characters");
        }
        if (ttlSeconds != null && (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS)) {
            throw DomainException.invalidParam("ttl_seconds is between " + MIN_TTL_SECONDS + " and "
                    + MAX_TTL_SECONDS + " (30 days), or null for no expiry");
        }
    }

    /** When a message sent at {@code sentAt} is gone: {@code sentAt + ttl}; none without a TTL. */
    public Optional<Instant> expiresAt(Instant sentAt) {
        return ttlSeconds == null ? Optional.empty() : Optional.of(sentAt.plusSeconds(ttlSeconds));
    }

    /** Whether a message sent at {@code sentAt} is gone at {@code now}: from its expiry on, not a millisecond before. */
    public boolean isGone(Instant sentAt, Instant now) {
        return expiresAt(sentAt).map(at -> !now.isBefore(at)).orElse(false);
    }
}
