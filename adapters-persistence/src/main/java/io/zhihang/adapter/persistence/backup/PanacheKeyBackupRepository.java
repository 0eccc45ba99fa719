package io.zhihang.adapter.persistence.backup;

import io.zhihang.application.port.out.backup.KeyBackupRepository;
import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Backup versions as Panache entities; the per-user lock is the user's row in {@code users}. */
@ApplicationScoped
public class PanacheKeyBackupRepository implements KeyBackupRepository {
    private final KeyBackupVersionPanacheRepo repo;

    PanacheKeyBackupRepository(KeyBackupVersionPanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public void lock(String userId) {
        List<?> locked = repo.getEntityManager()
                .createNativeQuery("SELECT user_id FROM users WHERE user_id = ?1 FOR UPDATE")
                .setParameter(1, userId)
                .getResultList();
        if (locked.isEmpty()) {
            throw new IllegalStateException("No user " + userId);
        }
    }

    @Override
    public Optional<KeyBackup> current(String userId) {
        return repo.find("userId = ?1 and deleted = false order by version desc", userId).firstResultOptional()
                .map(PanacheKeyBackupRepository::toDomain);
    }

    @Override
    public Optional<KeyBackup> find(String userId, BackupVersion version) {
        return repo.findByIdOptional(new KeyBackupVersionKey(userId, version.number()))
                .filter(e -> !e.deleted)
                .map(PanacheKeyBackupRepository::toDomain);
    }

    @Override
    public KeyBackup create(String userId, BackupInfo info) {
        Long latest = repo.getEntityManager()
                .createQuery("select max(e.version) from KeyBackupVersionEntity e where e.userId = ?1", Long.class)
                .setParameter(1, userId)
                .getSingleResult();
        KeyBackup backup = KeyBackup.create(latest == null ? BackupVersion.FIRST : new BackupVersion(latest).next(),
                info);
        KeyBackupVersionEntity e = new KeyBackupVersionEntity();
        e.userId = userId;
        e.version = backup.version().number();
        copy(backup, e);
        repo.persist(e);
        return backup;
    }

    @Override
    public void save(String userId, KeyBackup backup) {
        KeyBackupVersionEntity e = repo.findById(new KeyBackupVersionKey(userId, backup.version().number()));
        if (e == null || e.deleted) {
            throw new IllegalStateException("No backup version " + backup.version() + " of " + userId);
        }
        copy(backup, e);
    }

    @Override
    public boolean delete(String userId, BackupVersion version) {
        KeyBackupVersionEntity e = repo.findById(new KeyBackupVersionKey(userId, version.number()));
        if (e == null) {
            return false;
        }
        e.deleted = true;
        return true;
    }

    @Override
    public void deleteAllOf(String userId) {
        repo.update("deleted = true where userId = ?1 and deleted = false", userId);
    }

    private static void copy(KeyBackup backup, KeyBackupVersionEntity e) {
        e.algorithm = backup.info().algorithm();
        e.authData = CanonicalJson.encodeClientData(backup.info().authData());
        e.keyCount = backup.count();
        e.etag = backup.etag();
    }

    private static KeyBackup toDomain(KeyBackupVersionEntity e) {
        return new KeyBackup(new BackupVersion(e.version),
                new BackupInfo(e.algorithm, Json.parseClientData(e.authData)), e.keyCount, e.etag);
    }
}
