package io.zhihang.domain.notice;

import io.zhihang.domain.account.Account;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/**
 * The rules of a user's server-notices room (Synapse's {@code server_notices_manager.py}): the room through which the
 * server's system user sends a user notices. Only the system user may write in it (every other member is at
 * {@code users_default} -10, below {@code events_default} 0), the user may not leave it (issue 18; Synapse only
 * refuses rejecting its invite), and it keeps serving as long as the user is invited or joined and the system user
 * joined; otherwise the next notice makes a new room.
 */
public final class ServerNoticeRoom {
    /** The room tag that tells clients the room holds server notices (Element's "System Alerts"). */
    public static final String TAG = "m.server_notice";
    /** Synapse's power of every member but the system user: below every event's level. */
    public static final long MEMBER_LEVEL = -10;

    private ServerNoticeRoom() {
    }

    /** The {@code power_level_content_override} of a new server-notices room. */
    public static JsonObject powerLevelOverride() {
        return JsonObject.builder().put("users_default", MEMBER_LEVEL).build();
    }

    /**
     * Whether a remembered room still serves: the user invited or joined, the system user joined (as Synapse's
     * {@code maybe_get_notice_room_for_user}). Memberships are wire names, null when none.
     */
    public static boolean stillServes(String recipientMembership, String systemUserMembership) {
        return ("invite".equals(recipientMembership) || "join".equals(recipientMembership))
                && "join".equals(systemUserMembership);
    }

    /**
     * Who may receive a notice (Synapse's {@code send_server_notice} checks): a local user ({@code 400 M_UNKNOWN}
     * otherwise) with an account ({@code 404 M_NOT_FOUND}) that is not deactivated (also {@code 404}: a deactivated
     * user can be invited nowhere, see {@code docs/api.md}).
     */
    public static void ensureRecipient(UserId target, ServerName local, Optional<Account> account) {
        if (!target.isLocalTo(local)) {
            throw new DomainException(ErrorKind.UNKNOWN, "Server notices can only be sent to local users");
        }
        if (account.filter(a -> !a.deactivated()).isEmpty()) {
            throw DomainException.notFound("User not found");
        }
    }

    /** A user asking to leave (or reject the invite to) their server-notices room is refused. */
    public static void ensureMayLeave(boolean isTheirNoticeRoom) {
        if (isTheirNoticeRoom) {
            throw DomainException.forbidden("You cannot leave the server notices room");
        }
    }
}
