package io.zhihang.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Registration tokens ({@code m.login.registration_token}) an operator configured. When the set is non-empty and
 * required, registering needs one of them.
 */
public record RegistrationTokens(boolean required, Set<String> tokens) {
    public RegistrationTokens {
        tokens = Set.copyOf(tokens);
    }

    public boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String token : tokens) {
            found |= MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given);
        }
        return found;
    }
}
