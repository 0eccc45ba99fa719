package io.zhihang.application.port.in.admin;

import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;

/**
 * What a server admin may change about local accounts (Synapse's user admin API). Each action is written to the
 * audit trail in its own transaction; refusals as {@link AdminUserQueries}.
 */
public interface ManageUsersUseCase {
    /** Returns true when the account was created, false when it existed and was changed. */
    boolean upsert(UpsertUserCommand command);

    /** As a user's own deactivation, without their password; {@code erase} as theirs. */
    void deactivate(AdminCaller caller, UserId user, boolean erase);

    void resetPassword(AdminCaller caller, UserId user, String newPassword, boolean logoutDevices);

    void setAdmin(AdminCaller caller, UserId user, boolean admin);

    /** A new session (device and access token) for the user, valid until {@code validUntil} (null: no expiry). */
    String loginAs(AdminCaller caller, UserId user, Instant validUntil);

    void setShadowBanned(AdminCaller caller, UserId user, boolean banned);

    void setRateLimitOverride(AdminCaller caller, UserId user, RateLimitOverride override);

    void deleteRateLimitOverride(AdminCaller caller, UserId user);
}
