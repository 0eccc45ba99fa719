package io.zhihang.application.port.in.media;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.media.MediaId;
import io.zhihang.domain.media.MediaInfo;
import io.zhihang.domain.media.MxcUri;
import io.zhihang.domain.media.PendingMedia;

/** Putting content into the media repository: at once ({@code /upload}) or reserved first ({@code /create}). */
public interface UploadMediaUseCase {
    MediaInfo upload(Requester requester, MediaUpload upload);

    PendingMedia create(Requester requester);

    /** Fills a reservation made by {@link #create}; only its creator may, and only once. */
    MediaInfo uploadTo(Requester requester, String serverName, String mediaId, MediaUpload upload);

    MxcUri uri(MediaId mediaId);
}
