package io.zhihang.application.port.in.keys;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyCounts;

/** {@code POST /keys/upload}: the calling device publishes its keys. */
public interface UploadKeysUseCase {
    /** Returns what the device now holds ({@code one_time_key_counts}). */
    KeyCounts upload(Requester requester, KeyUpload upload);
}
