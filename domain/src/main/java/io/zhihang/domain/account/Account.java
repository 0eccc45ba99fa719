package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/** A local account. The password hash is opaque here: hashing is a port of the application layer. */
public record Account(UserId userId, String passwordHash, boolean admin, boolean deactivated, Instant createdAt) {

    public static Account register(UserId userId, String passwordHash, boolean admin, Instant now) {
        return new Account(userId, passwordHash, admin, false, now);
    }

    public Account withPasswordHash(String newHash) {
        return new Account(userId, newHash, admin, deactivated, createdAt);
    }

    public Account deactivate() {
        return new Account(userId, passwordHash, admin, true, createdAt);
    }

    public void ensureActive() {
        if (deactivated) {
            throw new DomainException(ErrorKind.USER_DEACTIVATED, "This account has been deactivated");
        }
    }
}
