package io.zhihang.application.port.in.admin.media;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.RoomId;
import io.zhihang.domain.shared.UserId;

/**
 * Quarantine (no longer served) and protection (never quarantined, nor deleted in bulk) of media. Each call refuses
 * non-admins first and is written to the audit trail with the caller's address {@code ip}.
 */
public interface ModerateMediaUseCase {
    void quarantine(Requester admin, String ip, String serverName, String mediaId);

    void unquarantine(Requester admin, String ip, String serverName, String mediaId);

    /** Quarantines the media of the room's events; returns how many were newly quarantined. */
    int quarantineRoom(Requester admin, String ip, RoomId roomId);

    /** Quarantines a local user's uploads; returns how many were newly quarantined. */
    int quarantineUser(Requester admin, String ip, UserId user);

    void protect(Requester admin, String ip, String mediaId, boolean safe);
}
