package io.zhihang.application.service.push;

import io.zhihang.application.port.out.push.PushRuleRepository;
import io.zhihang.application.port.out.push.PushRuleRepository.StoredPushRules;
import io.zhihang.domain.push.PushRuleSet;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users' parsed push rules for the write path, so that evaluating an event reads nothing in the common case. Users
 * missing from memory are loaded together in one query.
 * <p>
 * Invalidation: a change made here invalidates the user's entry, and until the change's version has been read back
 * (that is, committed), older versions are used but not kept. Changes made by another server instance are seen once
 * an entry is older than {@link #MAX_AGE_MILLIS}.
 */
@ApplicationScoped
public class PushRulesCache {
    static final long MAX_AGE_MILLIS = 60_000;
    private static final int MAX_USERS = 20_000;

    private final PushRuleRepository repository;
    private final InstantSource clock;
    private final Map<String, Entry> entries = lru(MAX_USERS);
    /** user → the version a change made here will have once committed (with when it was made). */
    private final Map<String, Entry> awaited = lru(MAX_USERS);

    public PushRulesCache(PushRuleRepository repository, InstantSource clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The rules in force for each of {@code userIds}. */
    public Map<String, PushRuleSet> rulesOf(Collection<String> userIds) {
        long now = clock.millis();
        Map<String, PushRuleSet> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (this) {
            for (String userId : userIds) {
                Entry entry = entries.get(userId);
                if (entry != null && now - entry.loadedAt() < MAX_AGE_MILLIS) {
                    found.put(userId, entry.rules());
                } else {
                    missing.add(userId);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<String, StoredPushRules> stored = repository.findAll(missing);
            for (String userId : missing) {
                StoredPushRules rules = stored.getOrDefault(userId, StoredPushRules.NONE);
                PushRuleSet set = PushRuleSet.of(UserId.parse(userId), rules.rules());
                found.put(userId, set);
                remember(userId, new Entry(set, rules.version(), now));
            }
        }
        return found;
    }

    /** Called by a change to the user's rules, in its transaction: {@code version} is the version it writes. */
    public synchronized void changing(String userId, long version) {
        entries.remove(userId);
        awaited.put(userId, new Entry(null, version, clock.millis()));
    }

    private synchronized void remember(String userId, Entry entry) {
        Entry change = awaited.get(userId);
        if (change != null) {
            boolean seen = entry.version() >= change.version();
            boolean abandoned = entry.loadedAt() - change.loadedAt() > MAX_AGE_MILLIS;
            if (!seen && !abandoned) {
                return;
            }
            awaited.remove(userId);
        }
        entries.put(userId, entry);
    }

    private record Entry(PushRuleSet rules, long version, long loadedAt) {
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
