package io.zhihang.application.port.in.admin;

import io.zhihang.application.port.out.admin.AdminUserDirectory;
import io.zhihang.application.port.out.admin.UserListing;
import io.zhihang.application.port.out.admin.UserSummary;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.util.List;
import java.util.Optional;

/**
 * What a server admin may read about local accounts (Synapse's user admin API). Every method refuses anyone but a
 * server admin with {@code 403 M_FORBIDDEN}, a remote user with {@code 400 M_INVALID_PARAM} and an unknown local
 * user with {@code 404 M_NOT_FOUND}.
 */
public interface AdminUserQueries {
    UserSummary user(Requester admin, UserId user);

    AdminUserDirectory.Page users(Requester admin, UserListing listing);

    List<String> joinedRooms(Requester admin, UserId user);

    boolean isAdmin(Requester admin, UserId user);

    Optional<RateLimitOverride> rateLimitOverride(Requester admin, UserId user);

    List<Device> devices(Requester admin, UserId user);

    Device device(Requester admin, UserId user, DeviceId deviceId);
}
