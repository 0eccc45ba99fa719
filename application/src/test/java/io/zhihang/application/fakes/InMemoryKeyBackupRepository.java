package io.zhihang.application.fakes;

import io.zhihang.application.port.out.backup.KeyBackupRepository;
import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyBackup;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Backup versions per user, deleted ones kept (as the database keeps their rows). The lock is a no-op. */
public class InMemoryKeyBackupRepository implements KeyBackupRepository {
    private record Row(KeyBackup backup, boolean deleted) {
    }

    private final Map<String, TreeMap<Long, Row>> versions = new HashMap<>();

    @Override
    public void lock(String userId) {
    }

    @Override
    public synchronized Optional<KeyBackup> current(String userId) {
        return of(userId).descendingMap().values().stream().filter(r -> !r.deleted()).map(Row::backup).findFirst();
    }

    @Override
    public synchronized Optional<KeyBackup> find(String userId, BackupVersion version) {
        return Optional.ofNullable(of(userId).get(version.number())).filter(r -> !r.deleted()).map(Row::backup);
    }

    @Override
    public synchronized KeyBackup create(String userId, BackupInfo info) {
        TreeMap<Long, Row> rows = of(userId);
        BackupVersion version = rows.isEmpty() ? BackupVersion.FIRST : new BackupVersion(rows.lastKey()).next();
        KeyBackup backup = KeyBackup.create(version, info);
        rows.put(version.number(), new Row(backup, false));
        return backup;
    }

    @Override
    public synchronized void save(String userId, KeyBackup backup) {
        of(userId).put(backup.version().number(), new Row(backup, false));
    }

    @Override
    public synchronized boolean delete(String userId, BackupVersion version) {
        Row row = of(userId).get(version.number());
        if (row == null) {
            return false;
        }
        of(userId).put(version.number(), new Row(row.backup(), true));
        return true;
    }

    private TreeMap<Long, Row> of(String userId) {
        return versions.computeIfAbsent(userId, u -> new TreeMap<>());
    }

    @Override
    public void deleteAllOf(String userId) {
        versions.getOrDefault(userId, new TreeMap<>()).replaceAll((version, row) -> new Row(row.backup(), true));
    }
}
