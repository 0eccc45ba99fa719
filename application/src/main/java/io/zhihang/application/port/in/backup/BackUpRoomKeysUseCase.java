package io.zhihang.application.port.in.backup;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.KeyScope;
import io.zhihang.domain.backup.KeyUpload;

/**
 * Writes to the keys of the caller's own key backup ({@code /room_keys/keys…}). Each returns the version as it is
 * afterwards, for the response's {@code etag} and {@code count}.
 */
public interface BackUpRoomKeysUseCase {
    /**
     * Stores uploaded keys in the current version, keeping per session the better key of the stored and the uploaded
     * one ({@link io.zhihang.domain.backup.BackedUpKey#replaces}). The version must be the current one: an older
     * version that still exists is {@code 403 M_WRONG_ROOM_KEYS_VERSION}, anything else {@code 404 M_NOT_FOUND}.
     */
    KeyBackup upload(Requester requester, String version, KeyUpload upload);

    /** Deletes the keys within {@code scope} from a version (any existing one); the etag moves. */
    KeyBackup delete(Requester requester, String version, KeyScope scope);
}
