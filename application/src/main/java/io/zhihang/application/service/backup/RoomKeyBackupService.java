package io.zhihang.application.service.backup;

import io.zhihang.application.port.in.backup.BackUpRoomKeysUseCase;
import io.zhihang.application.port.out.backup.BackedUpKeyRepository;
import io.zhihang.application.port.out.backup.KeyBackupRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.KeyChanges;
import io.zhihang.domain.backup.KeyScope;
import io.zhihang.domain.backup.KeyUpload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Uploads to and deletions from the keys of a user's backup. One upload reads the stored keys of its sessions in one
 * batch, lets the domain decide what changes, and writes the changes in one batch.
 */
@ApplicationScoped
public class RoomKeyBackupService implements BackUpRoomKeysUseCase {
    private final KeyBackupRepository backups;
    private final BackedUpKeyRepository keys;

    public RoomKeyBackupService(KeyBackupRepository backups, BackedUpKeyRepository keys) {
        this.backups = backups;
        this.keys = keys;
    }

    @Override
    @Transactional
    public KeyBackup upload(Requester requester, String version, KeyUpload upload) {
        String userId = requester.userId().toString();
        backups.lock(userId);
        KeyBackup backup = Backups.writable(backups, userId, version);
        if (upload.keys().isEmpty()) {
            return backup;
        }
        KeyChanges changes = upload.against(keys.find(userId, backup.version(), upload.sessions()));
        if (changes.isEmpty()) {
            return backup;
        }
        keys.store(userId, backup.version(), changes);
        KeyBackup after = backup.afterUpload(changes);
        backups.save(userId, after);
        return after;
    }

    @Override
    @Transactional
    public KeyBackup delete(Requester requester, String version, KeyScope scope) {
        String userId = requester.userId().toString();
        backups.lock(userId);
        KeyBackup backup = Backups.existing(backups, userId, version);
        KeyBackup after = backup.afterDeletion(keys.delete(userId, backup.version(), scope));
        backups.save(userId, after);
        return after;
    }
}
