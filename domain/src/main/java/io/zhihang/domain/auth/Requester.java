package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;

/** Who is calling: the authenticated user, the device and the grant behind the access token. */
public record Requester(UserId userId, DeviceId deviceId, String tokenId, boolean admin) {

    /** Only the user themself (or a server admin) may change what belongs to {@code owner}. */
    public void ensureMayActFor(UserId owner) {
        if (!userId.equals(owner) && !admin) {
            throw DomainException.forbidden("You may not change another user's data");
        }
    }
}
