package io.zhihang.application.port.in.admin.media;

import io.zhihang.application.port.out.media.MediaAdminRepository.MediaPage;
import io.zhihang.application.port.out.media.MediaAdminRepository.StoredMedia;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsagePage;
import io.zhihang.application.port.out.media.MediaAdminRepository.UsageQuery;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.RoomId;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/** What a server admin may read about media (Synapse's media admin API). Every method refuses non-admins first. */
public interface MediaAdminQueries {
    /** The {@code mxc://} URIs named by the room's unencrypted events, local and remote. */
    RoomMedia roomMedia(Requester admin, RoomId roomId);

    /** One piece of local media, quarantined or not. */
    StoredMedia media(Requester admin, String serverName, String mediaId);

    /** A local user's uploads, paged. */
    MediaPage userMedia(Requester admin, UserId user, UserMediaQuery query);

    /** Per-user media usage. */
    UsagePage usage(Requester admin, UsageQuery query);

    record RoomMedia(List<String> local, List<String> remote) {
    }
}
