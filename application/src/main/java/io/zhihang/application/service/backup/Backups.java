package io.zhihang.application.service.backup;

import io.zhihang.application.port.out.backup.KeyBackupRepository;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.WrongBackupVersionException;
import io.zhihang.domain.shared.DomainException;

import java.util.Optional;

/** Finding the version a request names, for reading and for writing keys. */
final class Backups {
    private Backups() {
    }

    /** The version, if it exists and was not deleted; else {@code 404 M_NOT_FOUND} (malformed versions too). */
    static KeyBackup existing(KeyBackupRepository backups, String userId, String version) {
        return BackupVersion.parse(version).flatMap(v -> backups.find(userId, v))
                .orElseThrow(Backups::unknown);
    }

    /**
     * The version keys may be written to: only the current one. An older version that still exists is
     * {@code 403 M_WRONG_ROOM_KEYS_VERSION} naming the current one; no backup at all, or a version that does not
     * exist, is {@code 404 M_NOT_FOUND} (Synapse's order).
     */
    static KeyBackup writable(KeyBackupRepository backups, String userId, String version) {
        KeyBackup current = backups.current(userId).orElseThrow(Backups::unknown);
        Optional<BackupVersion> requested = BackupVersion.parse(version);
        if (requested.isPresent() && requested.get().equals(current.version())) {
            return current;
        }
        if (requested.flatMap(v -> backups.find(userId, v)).isPresent()) {
            throw new WrongBackupVersionException(current.version());
        }
        throw unknown();
    }

    static DomainException unknown() {
        return DomainException.notFound("Unknown backup version");
    }
}
