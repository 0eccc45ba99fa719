package io.zhihang.application.service.stream;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The highest stream ordering below which every event has committed (Synapse's "persisted up to"). The database
 * gives out orderings at insert, but transactions in different rooms commit in any order; a sync token past an
 * ordering whose transaction is still open would skip that event for ever. So the position never passes an ordering
 * in flight, nor, while an insert is under way and its ordering not yet known, what was complete when it began (the
 * ordering it gets is higher than any given out before).
 * <p>
 * This covers the writers of one server instance; several instances would each need their own position.
 */
final class EventStreamTracker {
    private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<Object, Long> pendingInserts = new ConcurrentHashMap<>();
    private final AtomicLong maxCompleted = new AtomicLong(-1);
    private final LongSupplier persistedMax;

    /** {@code persistedMax}: the highest ordering in the store, read once, on first use. */
    EventStreamTracker(LongSupplier persistedMax) {
        this.persistedMax = persistedMax;
    }

    /** Before an insert: holds the position where it is until {@link #begin} names the orderings given out. */
    Object reserve() {
        Object ticket = new Object();
        pendingInserts.put(ticket, position());
        return ticket;
    }

    /** The insert of {@code ticket} got {@code orderings}; its transaction is still open. */
    void begin(Object ticket, Collection<Long> orderings) {
        inFlight.addAll(orderings);
        pendingInserts.remove(ticket);
    }

    /** The insert of {@code ticket} failed before any ordering was known. */
    void cancel(Object ticket) {
        pendingInserts.remove(ticket);
    }

    /** The transaction that wrote {@code orderings} ended (committed or not). */
    void end(Collection<Long> orderings) {
        for (long ordering : orderings) {
            maxCompleted.accumulateAndGet(ordering, Math::max);
        }
        inFlight.removeAll(orderings);
    }

    /** Every event at or below this ordering is committed (or never will be). */
    long position() {
        long position = ensureLoaded();
        for (long held : pendingInserts.values()) {
            position = Math.min(position, held);
        }
        if (!inFlight.isEmpty()) {
            try {
                position = Math.min(position, inFlight.first() - 1);
            } catch (java.util.NoSuchElementException emptiedMeanwhile) {
                // the last one ended between the two calls
            }
        }
        return position;
    }

    private long ensureLoaded() {
        long current = maxCompleted.get();
        if (current >= 0) {
            return current;
        }
        maxCompleted.accumulateAndGet(persistedMax.getAsLong(), Math::max);
        return maxCompleted.get();
    }
}
