package io.zhihang.application.service.backup;

import io.zhihang.application.port.in.backup.KeyBackupQueries;
import io.zhihang.application.port.in.backup.KeyBackupVersionsUseCase;
import io.zhihang.application.port.out.backup.BackedUpKeyRepository;
import io.zhihang.application.port.out.backup.KeyBackupRepository;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupInfoUpdate;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.KeyScope;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.application.service.account.AccountDeactivated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.Map;

/** The versions of a user's key backup, and reads of the backup. Everything is the caller's own. */
@ApplicationScoped
public class KeyBackupVersionService implements KeyBackupVersionsUseCase, KeyBackupQueries {
    private final KeyBackupRepository backups;
    private final BackedUpKeyRepository keys;

    public KeyBackupVersionService(KeyBackupRepository backups, BackedUpKeyRepository keys) {
        this.backups = backups;
        this.keys = keys;
    }

    /** A deactivated account loses its backups (as in Synapse), inside the deactivating transaction. */
    void onDeactivated(@Observes AccountDeactivated deactivated) {
        String userId = deactivated.user().toString();
        backups.lock(userId);
        keys.deleteAllOf(userId);
        backups.deleteAllOf(userId);
    }

    @Override
    @Transactional
    public BackupVersion create(Requester requester, BackupInfo info) {
        String userId = requester.userId().toString();
        backups.lock(userId);
        return backups.create(userId, info).version();
    }

    @Override
    @Transactional
    public void update(Requester requester, String version, BackupInfoUpdate update) {
        String userId = requester.userId().toString();
        backups.lock(userId);
        backups.save(userId, Backups.existing(backups, userId, version).updatedBy(update));
    }

    @Override
    @Transactional
    public void delete(Requester requester, String version) {
        String userId = requester.userId().toString();
        backups.lock(userId);
        BackupVersion deleted = BackupVersion.parse(version).orElseThrow(Backups::unknown);
        if (!backups.delete(userId, deleted)) {
            throw Backups.unknown();
        }
        keys.delete(userId, deleted, KeyScope.ALL);
    }

    @Override
    @Transactional
    public KeyBackup current(Requester requester) {
        return backups.current(requester.userId().toString())
                .orElseThrow(() -> DomainException.notFound("No current backup version"));
    }

    @Override
    @Transactional
    public KeyBackup version(Requester requester, String version) {
        return Backups.existing(backups, requester.userId().toString(), version);
    }

    @Override
    @Transactional
    public Map<BackupSession, BackedUpKey> keys(Requester requester, String version, KeyScope scope) {
        String userId = requester.userId().toString();
        KeyBackup backup = Backups.existing(backups, userId, version);
        Map<BackupSession, BackedUpKey> found = keys.list(userId, backup.version(), scope);
        if (scope.sessionId() != null && found.isEmpty()) {
            throw DomainException.notFound("No room_keys found");
        }
        return found;
    }
}
