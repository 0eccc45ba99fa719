package io.zhihang.application.port.out.backup;

import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyChanges;
import io.zhihang.domain.backup.KeyScope;

import java.util.Collection;
import java.util.Map;

/**
 * The keys stored in users' key backups, one per (user, version, room, session). Batch operations: an upload of a
 * few hundred sessions is a fixed number of statements.
 */
public interface BackedUpKeyRepository {
    /** The stored keys of those of {@code sessions} that the version holds. */
    Map<BackupSession, BackedUpKey> find(String userId, BackupVersion version, Collection<BackupSession> sessions);

    /** Adds the new keys and replaces the changed ones. */
    void store(String userId, BackupVersion version, KeyChanges changes);

    /** The keys of the version within {@code scope}, ordered by room and session. */
    Map<BackupSession, BackedUpKey> list(String userId, BackupVersion version, KeyScope scope);

    /** Deletes the keys of the version within {@code scope}; returns how many there were. */
    long delete(String userId, BackupVersion version, KeyScope scope);

    /** Deletes the keys in every version of the user's backup. */
    void deleteAllOf(String userId);
}
