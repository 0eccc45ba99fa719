package io.zhihang.domain.backup;

/**
 * One version of a user's key backup: what the client said about it, how many keys it holds and its {@code etag}.
 * The etag is a counter that moves whenever the keys change (Synapse's scheme); clients compare it with the one their
 * last upload returned to learn that another client changed the backup.
 */
public record KeyBackup(BackupVersion version, BackupInfo info, long count, long etag) {
    public KeyBackup {
        if (version == null || info == null) {
            throw new IllegalArgumentException("version and info are required");
        }
        if (count < 0 || etag < 0) {
            throw new IllegalArgumentException("count and etag are never negative");
        }
    }

    /** A new backup: no keys yet, etag 0. */
    public static KeyBackup create(BackupVersion version, BackupInfo info) {
        return new KeyBackup(version, info, 0, 0);
    }

    /** After an upload made {@code changes}: the etag moves only if something changed. */
    public KeyBackup afterUpload(KeyChanges changes) {
        if (changes.isEmpty()) {
            return this;
        }
        return new KeyBackup(version, info, count + changes.added().size(), etag + 1);
    }

    /** After a deletion of {@code deleted} keys: the etag moves even if none were there, as in Synapse. */
    public KeyBackup afterDeletion(long deleted) {
        return new KeyBackup(version, info, count - deleted, etag + 1);
    }

    /** With new {@code auth_data} ({@link BackupInfo#updatedBy}); the keys and the etag stay. */
    public KeyBackup updatedBy(BackupInfoUpdate update) {
        return new KeyBackup(version, info.updatedBy(update), count, etag);
    }

    /** The etag as clients see it (an opaque string). */
    public String etagString() {
        return Long.toString(etag);
    }
}
