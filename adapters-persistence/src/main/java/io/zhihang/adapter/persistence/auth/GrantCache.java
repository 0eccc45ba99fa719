package io.zhihang.adapter.persistence.auth;

import io.zhihang.adapter.persistence.tx.JtaAfterCommit;
import io.zhihang.application.port.out.GrantDirectory.ActiveGrant;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The grants the token check found, kept so that most requests need no database read (Synapse caches
 * {@code get_user_by_access_token} the same way). Every write that could change an answer (a token deleted or
 * retired, an account updated) empties the cache, once at the write and once more when its transaction ends; a read
 * that overlapped such a write does not put its answer back ({@link #generation}), so nothing stale survives a commit.
 * Entries also lapse after a minute, which bounds what a second server instance on the same database (not supported:
 * docs/operations.md) could see. Expiry of the token itself is checked on every request by the caller.
 */
@ApplicationScoped
public class GrantCache {
    private static final long LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final JtaAfterCommit afterCommit;

    GrantCache(JtaAfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** The cached grant of a token id, or null. */
    ActiveGrant get(String tokenId) {
        Entry entry = entries.get(tokenId);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.storedAt() > LIFETIME_NANOS) {
            entries.remove(tokenId, entry);
            return null;
        }
        return entry.grant();
    }

    /** To be read before the database is: {@link #put} only keeps an answer if no write came in between. */
    long generation() {
        return generation.get();
    }

    void put(String tokenId, ActiveGrant grant, long generationBeforeRead) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tokenId, new Entry(grant, System.nanoTime()));
        if (generation.get() != generationBeforeRead) {
            entries.remove(tokenId);
        }
    }

    /** Called by every write to tokens or accounts, inside its transaction. */
    public void invalidate() {
        forgetAll();
        afterCommit.register(this::forgetAll, this::forgetAll);
    }

    private void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private record Entry(ActiveGrant grant, long storedAt) {
    }
}
