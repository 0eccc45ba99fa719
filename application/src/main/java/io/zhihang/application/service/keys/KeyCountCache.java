package io.zhihang.application.service.keys;

import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Each device's key counts as last read, so that a sync (which reports them on every response) reads the store only
 * after an upload, a claim or a deletion changed them. A change gives the device a new version (from one counter that
 * only grows) after its commit; a count read before that is never used again, even if it is put here after the
 * change. When the cache is full it forgets everything: every device's version becomes the newest. Per server
 * instance, like the other sync caches (one instance per database).
 */
@ApplicationScoped
public class KeyCountCache {
    private static final int MAX_DEVICES = 100_000;

    private record Key(UserId user, DeviceId device) {
    }

    private record Entry(long version, KeyCounts counts) {
    }

    private final ConcurrentHashMap<Key, Long> versions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Entry> counts = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private volatile long floor;
    private final AfterCommit afterCommit;

    public KeyCountCache(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    public KeyCounts get(UserId user, DeviceId device, Supplier<KeyCounts> load) {
        Key key = new Key(user, device);
        long version = versions.getOrDefault(key, floor);
        Entry cached = counts.get(key);
        if (cached != null && cached.version() == version) {
            return cached.counts();
        }
        KeyCounts loaded = load.get();
        if (counts.size() >= MAX_DEVICES) {
            counts.clear();
        }
        counts.put(key, new Entry(version, loaded));
        return loaded;
    }

    /** The device's counts change in the current transaction; readers go to the store once it has committed. */
    public void changed(UserId user, DeviceId device) {
        Key key = new Key(user, device);
        Runnable bump = () -> {
            long version = clock.incrementAndGet();
            if (versions.size() >= MAX_DEVICES) {
                floor = version;
                versions.clear();
                counts.clear();
            }
            versions.put(key, version);
            counts.remove(key);
        };
        afterCommit.register(bump, bump);
    }
}
