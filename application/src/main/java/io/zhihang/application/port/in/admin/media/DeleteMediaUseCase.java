package io.zhihang.application.port.in.admin.media;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.List;

/**
 * Deleting local media: its row, thumbnails and, once nothing else refers to them, its bytes. Bulk deletions leave
 * protected media alone. Each returns the deleted media ids and is written to the audit trail.
 */
public interface DeleteMediaUseCase {
    List<String> delete(Requester admin, String ip, String serverName, String mediaId);

    /** The page of the user's uploads that {@code query} selects, except protected media. */
    List<String> deleteUserMedia(Requester admin, String ip, UserId user, UserMediaQuery query);

    /** Uploads created before {@code before}, larger than {@code sizeGt}, optionally keeping avatars in use. */
    List<String> deleteOld(Requester admin, String ip, Instant before, long sizeGt, boolean keepProfiles);

    /** Cached remote media last used before {@code before}: none is cached here, so none. */
    int purgeRemoteCache(Requester admin, String ip, Instant before);
}
