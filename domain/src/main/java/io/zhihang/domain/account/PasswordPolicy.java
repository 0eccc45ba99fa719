package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;

/** What a new password must satisfy. Synapse caps passwords at 512 characters; so do we. */
public record PasswordPolicy(int minLength) {
    public static final int MAX_LENGTH = 512;

    public PasswordPolicy {
        if (minLength < 0 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minLength out of range: " + minLength);
        }
    }

    public void check(String password) {
        if (password == null) {
            throw DomainException.missingParam("Missing password");
        }
        if (password.length() > MAX_LENGTH) {
            throw DomainException.invalidParam("Password too long");
        }
        if (password.isEmpty() || password.length() < minLength) {
            throw new DomainException(ErrorKind.WEAK_PASSWORD,
                    "Password must be at least " + Math.max(1, minLength) + " characters long");
        }
    }
}
