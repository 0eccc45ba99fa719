package io.zhihang.application.fakes;

import io.zhihang.application.port.out.backup.BackedUpKeyRepository;
import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.BackupVersion;
import io.zhihang.domain.backup.KeyChanges;
import io.zhihang.domain.backup.KeyScope;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Backed-up keys per (user, version), ordered by room and session like the JDBC adapter's reads. */
public class InMemoryBackedUpKeyRepository implements BackedUpKeyRepository {
    private static final Comparator<BackupSession> ORDER =
            Comparator.comparing(BackupSession::roomId).thenComparing(BackupSession::sessionId);

    private record Backup(String userId, long version) {
    }

    private final Map<Backup, TreeMap<BackupSession, BackedUpKey>> keys = new HashMap<>();
    private int finds;

    @Override
    public synchronized Map<BackupSession, BackedUpKey> find(String userId, BackupVersion version,
                                                             Collection<BackupSession> sessions) {
        finds++;
        Map<BackupSession, BackedUpKey> found = new LinkedHashMap<>();
        TreeMap<BackupSession, BackedUpKey> stored = of(userId, version);
        sessions.stream().filter(stored::containsKey).forEach(s -> found.put(s, stored.get(s)));
        return found;
    }

    @Override
    public synchronized void store(String userId, BackupVersion version, KeyChanges changes) {
        TreeMap<BackupSession, BackedUpKey> stored = of(userId, version);
        changes.added().forEach((s, k) -> {
            if (stored.putIfAbsent(s, k) != null) {
                throw new IllegalStateException("Duplicate key for " + s);
            }
        });
        changes.replaced().forEach((s, k) -> {
            if (stored.replace(s, k) == null) {
                throw new IllegalStateException("No key to replace for " + s);
            }
        });
    }

    @Override
    public synchronized Map<BackupSession, BackedUpKey> list(String userId, BackupVersion version, KeyScope scope) {
        Map<BackupSession, BackedUpKey> found = new LinkedHashMap<>();
        of(userId, version).forEach((s, k) -> {
            if (scope.covers(s)) {
                found.put(s, k);
            }
        });
        return found;
    }

    @Override
    public synchronized long delete(String userId, BackupVersion version, KeyScope scope) {
        TreeMap<BackupSession, BackedUpKey> stored = of(userId, version);
        long before = stored.size();
        stored.keySet().removeIf(scope::covers);
        return before - stored.size();
    }

    /** How many batch reads uploads made (one per upload that had keys). */
    public synchronized int finds() {
        return finds;
    }

    private TreeMap<BackupSession, BackedUpKey> of(String userId, BackupVersion version) {
        return keys.computeIfAbsent(new Backup(userId, version.number()), b -> new TreeMap<>(ORDER));
    }

    @Override
    public synchronized void deleteAllOf(String userId) {
        keys.keySet().removeIf(backup -> backup.userId().equals(userId));
    }
}
