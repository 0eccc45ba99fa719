package io.zhihang.application.port.out.backup;

import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyBackup;

import java.util.Optional;

/**
 * The versions of users' key backups. A deleted version is gone for readers and writers, but its number is never
 * handed out again and deleting it again is not an error.
 */
public interface KeyBackupRepository {
    /**
     * Serialises the user's backup writes until the transaction ends (in the database, so across server instances),
     * as Synapse's per-user upload lock: versions are numbered without gaps or clashes, and two devices uploading the
     * same session see each other's key. Call it before reading what a write depends on.
     */
    void lock(String userId);

    /** The user's current backup: the latest version not deleted. */
    Optional<KeyBackup> current(String userId);

    /** A version of the user's backup, unless it does not exist or was deleted. */
    Optional<KeyBackup> find(String userId, BackupVersion version);

    /** Creates the user's next version (after every version they ever had, deleted ones too), with no keys. */
    KeyBackup create(String userId, BackupInfo info);

    /** Stores a version's information, key count and etag. */
    void save(String userId, KeyBackup backup);

    /**
     * Marks a version deleted (its keys are deleted separately). False if the user never had this version; true
     * also when it was deleted before.
     */
    boolean delete(String userId, BackupVersion version);

    /** Marks every version of the user's backup deleted (their keys are deleted separately). */
    void deleteAllOf(String userId);
}
