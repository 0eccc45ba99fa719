package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DomainException;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A registration token made through the admin API (Synapse's {@code registration_tokens} row): how many
 * registrations may complete with it ({@code usesAllowed}, null for unlimited), how many are in progress
 * ({@code pending}: UIA sessions that passed the token stage and have not expired) and done ({@code completed}),
 * and when it expires ({@code expiryTime} in ms, null for never).
 */
public record RegistrationToken(String token, Integer usesAllowed, int pending, int completed, Long expiryTime) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    /** The characters Synapse draws generated tokens from. */
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-";
    public static final int DEFAULT_LENGTH = 16;

    /** Usable now: not expired, and a use is left beside the completed and pending ones. */
    public boolean isValid(Instant now) {
        boolean expired = expiryTime != null && expiryTime <= now.toEpochMilli();
        boolean usedUp = usesAllowed != null && pending + completed >= usesAllowed;
        return !expired && !usedUp;
    }

    /** An admin-chosen token: 1 to 64 characters of {@code [A-Za-z0-9._~-]}. */
    public static String checkToken(String token) {
        if (token.isEmpty() || token.length() > 64) {
            throw DomainException.invalidParam("token must not be empty and must not be longer than 64 characters");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw DomainException.invalidParam("token must consist only of characters matched by the regex [A-Za-z0-9._~-]");
        }
        return token;
    }

    public static int checkLength(int length) {
        if (length <= 0 || length > 64) {
            throw DomainException.invalidParam("length must be greater than zero and not greater than 64");
        }
        return length;
    }

    public static Integer checkUsesAllowed(Integer usesAllowed) {
        if (usesAllowed != null && usesAllowed < 0) {
            throw DomainException.invalidParam("uses_allowed must be a non-negative integer or null");
        }
        return usesAllowed;
    }

    public static Long checkExpiry(Long expiryTime, Instant now) {
        if (expiryTime != null && expiryTime < now.toEpochMilli()) {
            throw DomainException.invalidParam("expiry_time must not be in the past");
        }
        return expiryTime;
    }
}
