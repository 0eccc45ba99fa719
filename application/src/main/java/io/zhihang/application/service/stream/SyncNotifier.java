package io.zhihang.application.service.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes waiting long-polls. A waiter names its user and the rooms its sync covers; activity for either completes it.
 * A version counter closes the race between computing an empty sync and starting to wait: a waiter that registers
 * after a change it did not see is woken at once.
 */
@ApplicationScoped
public class SyncNotifier {
    private final ConcurrentHashMap<String, Set<Waiter>> byUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Waiter>> byRoom = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile boolean stopping;

    /** A registered wait; {@link #close} it when done, woken or not. */
    public final class Waiter implements AutoCloseable {
        private final String userId;
        private final Collection<String> roomIds;
        private final CompletableFuture<Void> woken = new CompletableFuture<>();

        private Waiter(String userId, Collection<String> roomIds) {
            this.userId = userId;
            this.roomIds = roomIds;
        }

        public CompletableFuture<Void> woken() {
            return woken;
        }

        @Override
        public void close() {
            remove(byUser, userId, this);
            for (String roomId : roomIds) {
                remove(byRoom, roomId, this);
            }
        }
    }

    /** The version to pass to {@link #register}: read it before computing what the waiter has seen. */
    public long version() {
        return version.get();
    }

    /** Registers a waiter; if anything happened since {@code seenVersion}, it is woken at once. */
    public Waiter register(String userId, Collection<String> roomIds, long seenVersion) {
        Waiter waiter = new Waiter(userId, Set.copyOf(roomIds));
        add(byUser, userId, waiter);
        for (String roomId : waiter.roomIds) {
            add(byRoom, roomId, waiter);
        }
        if (version.get() != seenVersion || stopping) {
            waiter.woken.complete(null);
        }
        return waiter;
    }

    /**
     * The server is stopping: wakes every waiter now and every later one at once, so that long-polls answer with what
     * they have instead of holding the shutdown until their timeout.
     */
    public void stop() {
        stopping = true;
        version.incrementAndGet();
        for (Set<Waiter> waiters : byUser.values()) {
            completeAll(waiters);
        }
    }

    /** Whether {@link #stop} was called: a woken long-poll returns instead of waiting again. */
    public boolean stopping() {
        return stopping;
    }

    void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) SyncActivity activity) {
        wake(activity.userIds(), activity.roomIds());
    }

    /** Wakes the waiters of these users and of these rooms. */
    public void wake(Collection<String> userIds, Collection<String> roomIds) {
        version.incrementAndGet();
        for (String userId : userIds) {
            completeAll(byUser.get(userId));
        }
        for (String roomId : roomIds) {
            completeAll(byRoom.get(roomId));
        }
    }

    private static void completeAll(Set<Waiter> waiters) {
        if (waiters != null) {
            for (Waiter waiter : waiters) {
                waiter.woken.complete(null);
            }
        }
    }

    /** Atomic per key with {@link #remove}, so a set emptied and dropped is never added to afterwards. */
    private static void add(ConcurrentHashMap<String, Set<Waiter>> index, String key, Waiter waiter) {
        index.compute(key, (k, set) -> {
            Set<Waiter> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiters.add(waiter);
            return waiters;
        });
    }

    private static void remove(ConcurrentHashMap<String, Set<Waiter>> index, String key, Waiter waiter) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }
}
