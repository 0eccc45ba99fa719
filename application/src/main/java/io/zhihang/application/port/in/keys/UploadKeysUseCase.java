package io.zhihang.application.port.in.keys;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

/** {@code POST /keys/upload}: the calling device publishes its keys. */
public interface UploadKeysUseCase {
    /** Returns what the device now holds ({@code one_time_key_counts}). */
    KeyCounts upload(Requester requester, KeyUpload upload);

    /**
     * The same for a device of {@code user} that no access token stands for (the dehydrated device, whose client
     * uploads its keys for it). Joins the caller's transaction; {@code M_NOT_FOUND} if the device does not exist.
     */
    KeyCounts uploadFor(UserId user, DeviceId device, KeyUpload upload);
}
