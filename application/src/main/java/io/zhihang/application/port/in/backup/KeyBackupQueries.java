package io.zhihang.application.port.in.backup;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.KeyScope;

import java.util.Map;

/** Reads of the caller's own key backups; an unknown, deleted or malformed version is {@code 404 M_NOT_FOUND}. */
public interface KeyBackupQueries {
    /** The current version (the latest not deleted); {@code 404 M_NOT_FOUND} if the caller has no backup. */
    KeyBackup current(Requester requester);

    /** A version of the caller's backup. */
    KeyBackup version(Requester requester, String version);

    /**
     * The keys of a version within {@code scope}, ordered by room and session. A room without keys has none (not an
     * error); a single session that has no key is {@code 404 M_NOT_FOUND}.
     */
    Map<BackupSession, BackedUpKey> keys(Requester requester, String version, KeyScope scope);
}
