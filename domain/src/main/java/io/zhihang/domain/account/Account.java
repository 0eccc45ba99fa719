package io.zhihang.domain.account;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/**
 * A local account. The password hash is opaque here: hashing is a port of the application layer. A guest account
 * ({@code POST /register?kind=guest}) has no password and may use only what guests may, until it is upgraded to a
 * full account, which keeps its user id.
 */
public record Account(UserId userId, String passwordHash, boolean admin, boolean deactivated, Instant createdAt,
                      boolean guest) {

    public Account(UserId userId, String passwordHash, boolean admin, boolean deactivated, Instant createdAt) {
        this(userId, passwordHash, admin, deactivated, createdAt, false);
    }

    public static Account register(UserId userId, String passwordHash, boolean admin, Instant now) {
        return new Account(userId, passwordHash, admin, false, now, false);
    }

    public static Account registerGuest(UserId userId, Instant now) {
        return new Account(userId, null, false, false, now, true);
    }

    /** The guest becomes a full account with a password; anything else is refused. */
    public Account upgradeFromGuest(String newPasswordHash) {
        if (!guest || deactivated) {
            throw DomainException.forbidden("Cannot register taken user ID without valid guest credentials for that user.");
        }
        return new Account(userId, newPasswordHash, admin, false, createdAt, false);
    }

    public Account withPasswordHash(String newHash) {
        return new Account(userId, newHash, admin, deactivated, createdAt, guest);
    }

    public Account withAdmin(boolean newAdmin) {
        return new Account(userId, passwordHash, newAdmin, deactivated, createdAt, guest);
    }

    /**
     * A server admin brings a deactivated account back (Synapse's {@code PUT /_synapse/admin/v2/users} with
     * {@code deactivated: false}); it needs a new password, since deactivation removed the way in.
     */
    public Account reactivate(String newPasswordHash) {
        if (newPasswordHash == null) {
            throw DomainException.missingParam("Must provide a password to re-activate an account.");
        }
        return new Account(userId, newPasswordHash, admin, false, createdAt, guest);
    }

    public Account deactivate() {
        return new Account(userId, passwordHash, admin, true, createdAt, guest);
    }

    public void ensureActive() {
        if (deactivated) {
            throw new DomainException(ErrorKind.USER_DEACTIVATED, "This account has been deactivated");
        }
    }
}
