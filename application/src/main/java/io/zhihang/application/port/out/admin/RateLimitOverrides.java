package io.zhihang.application.port.out.admin;

import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** Per-user rate limit overrides set by server admins; the per-user rate limiters ask here first. */
public interface RateLimitOverrides {
    Optional<RateLimitOverride> find(UserId userId);

    void set(UserId userId, RateLimitOverride override);

    void delete(UserId userId);
}
