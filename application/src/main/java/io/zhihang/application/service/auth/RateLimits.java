package io.zhihang.application.service.auth;

import io.zhihang.application.config.RateLimitSettings;
import io.zhihang.domain.ratelimit.RateLimiter;
import java.time.Instant;

/** The rate limits of login and registration, each a {@link RateLimiter} keyed by address or account. */
public final class RateLimits {
    private final boolean enabled;
    private final RateLimiter loginAddress;
    private final RateLimiter loginAccount;
    private final RateLimiter loginFailures;
    private final RateLimiter registration;

    public RateLimits(RateLimitSettings settings) {
        this.enabled = settings.enabled();
        this.loginAddress = new RateLimiter(settings.loginAddress());
        this.loginAccount = new RateLimiter(settings.loginAccount());
        this.loginFailures = new RateLimiter(settings.loginFailedAttempts());
        this.registration = new RateLimiter(settings.registration());
    }

    public void loginFromAddress(String ip, Instant now) {
        if (enabled && ip != null) {
            loginAddress.acquire(ip, now);
        }
    }

    /** Counts a login attempt for the account, and refuses it while too many recent attempts failed. */
    public void loginForAccount(String userId, Instant now) {
        if (!enabled) {
            return;
        }
        loginFailures.ensureRoom(userId, now);
        loginAccount.acquire(userId, now);
    }

    /** Refuses while too many recent password attempts for the account failed. */
    public void ensureNotTooManyFailures(String userId, Instant now) {
        if (enabled) {
            loginFailures.ensureRoom(userId, now);
        }
    }

    public void loginFailed(String userId, Instant now) {
        if (enabled) {
            loginFailures.tryAcquire(userId, now);
        }
    }

    /** Refuses a registration attempt while the address has registered too many accounts recently. */
    public void registrationFromAddress(String ip, Instant now) {
        if (enabled && ip != null) {
            registration.ensureRoom(ip, now);
        }
    }

    /** Counts a completed registration against the address (as Synapse, attempts alone do not count). */
    public void registered(String ip, Instant now) {
        if (enabled && ip != null) {
            registration.tryAcquire(ip, now);
        }
    }
}
