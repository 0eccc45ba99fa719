package io.zhihang.domain.auth;

import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;

/**
 * Who is calling: the authenticated user, the device and the grant behind the access token, and whether the user is
 * a guest (who may use only the endpoints Synapse marks {@code allow_guest}).
 */
public record Requester(UserId userId, DeviceId deviceId, String tokenId, boolean admin, boolean guest) {

    public Requester(UserId userId, DeviceId deviceId, String tokenId, boolean admin) {
        this(userId, deviceId, tokenId, admin, false);
    }

    /** Synapse's answer to a guest on an endpoint not open to guests. */
    public void ensureNotGuest() {
        if (guest) {
            throw new DomainException(ErrorKind.GUEST_ACCESS_FORBIDDEN, "Guest access not allowed");
        }
    }

    /** Only the user themself (or a server admin) may change what belongs to {@code owner}. */
    public void ensureMayActFor(UserId owner) {
        if (!userId.equals(owner) && !admin) {
            throw DomainException.forbidden("You may not change another user's data");
        }
    }

    /** The admin API is for server admins only: {@code 403 M_FORBIDDEN} for anyone else (Synapse's answer). */
    public void ensureAdmin() {
        if (!admin) {
            throw DomainException.forbidden("You are not a server admin");
        }
    }
}
