package io.zhihang.application.service.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which member events each device was already sent while lazy-loading members (Synapse's lazy-loaded members cache),
 * so later syncs leave them out. Bounded; forgetting only means a member event is sent again, which is harmless.
 */
final class LazyMemberCache {
    private static final int MAX_DEVICES = 10_000;
    private static final int MAX_PER_DEVICE = 5_000;

    private final Map<String, Set<String>> sent = Collections.synchronizedMap(lru(MAX_DEVICES));

    /** A fresh (initial) sync: the device starts from nothing. */
    void reset(String device) {
        sent.remove(device);
    }

    /** Whether the device had the member event; records it as sent either way. */
    boolean alreadySent(String device, String memberEventId) {
        Set<String> events = sent.computeIfAbsent(device,
                d -> Collections.newSetFromMap(Collections.synchronizedMap(lru(MAX_PER_DEVICE))));
        return !events.add(memberEventId);
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
