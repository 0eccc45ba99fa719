package io.zhihang.application.service.stream;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rooms had events after a position (Synapse's stream change cache): the latest committed ordering per room,
 * known for everything after {@code since} the cache began. Older questions get no answer and go to the store.
 */
final class RoomChangeCache {
    private final ConcurrentHashMap<String, Long> latest = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> latestMembership = new ConcurrentHashMap<>();
    private volatile long knownAfter = Long.MAX_VALUE;

    /** From now on, every change after {@code position} is recorded here. */
    void startAt(long position) {
        if (knownAfter == Long.MAX_VALUE) {
            knownAfter = position;
        }
    }

    void changed(String roomId, long ordering, boolean membership) {
        latest.merge(roomId, ordering, Math::max);
        if (membership) {
            latestMembership.merge(roomId, ordering, Math::max);
        }
    }

    /** Whether {@link #changedSince} can answer for {@code since}. */
    boolean covers(long since) {
        return since >= knownAfter;
    }

    /** Of {@code roomIds}, those with an event after {@code since}; only if {@link #covers}. */
    Set<String> changedSince(Collection<String> roomIds, long since) {
        return after(latest, roomIds, since);
    }

    /** Of {@code roomIds}, those with a membership change after {@code since}; only if {@link #covers}. */
    Set<String> membershipChangedSince(Collection<String> roomIds, long since) {
        return after(latestMembership, roomIds, since);
    }

    private static Set<String> after(ConcurrentHashMap<String, Long> latest, Collection<String> roomIds, long since) {
        Set<String> changed = new HashSet<>();
        for (String roomId : roomIds) {
            Long last = latest.get(roomId);
            if (last != null && last > since) {
                changed.add(roomId);
            }
        }
        return changed;
    }
}
