package io.zhihang.application.port.in.backup;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupInfoUpdate;
import io.zhihang.domain.backup.BackupVersion;

/**
 * The versions of the caller's own key backup ({@code /room_keys/version}). Backups are per user: every request
 * works on the caller's backups, nobody else's. An unknown, deleted or malformed version is {@code 404 M_NOT_FOUND}.
 */
public interface KeyBackupVersionsUseCase {
    /** Creates a new version, which becomes the current one: keys can then only be written to it. */
    BackupVersion create(Requester requester, BackupInfo info);

    /**
     * Replaces the {@code auth_data} of an existing version (the current one or an older one), if the update has
     * one; its keys and etag stay. Another algorithm than the version's is {@code 400 M_INVALID_PARAM}.
     */
    void update(Requester requester, String version, BackupInfoUpdate update);

    /** Deletes a version and its keys. Deleting a version that was deleted before is fine. */
    void delete(Requester requester, String version);
}
