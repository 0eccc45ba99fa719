package io.zhihang.application.service.stream;

import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.room.EventStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The server-wide event stream as sync sees it: writers announce each insert ({@link #reserve} before,
 * {@link #appended} after); after commit the stream position moves on, the room is marked changed and waiting
 * long-polls of the room (and of users whose membership changed) wake.
 */
@ApplicationScoped
public class RoomStream {
    private final EventStore events;
    private final AfterCommit afterCommit;
    private final SyncNotifier notifier;
    private final MembershipCache memberships;
    private final EventStreamTracker tracker;
    private final RoomChangeCache changes = new RoomChangeCache();

    public RoomStream(EventStore events, AfterCommit afterCommit, SyncNotifier notifier,
                      MembershipCache memberships) {
        this.memberships = memberships;
        this.events = events;
        this.afterCommit = afterCommit;
        this.notifier = notifier;
        LongSupplier persistedMax = events::maxStreamOrdering;
        this.tracker = new EventStreamTracker(persistedMax);
    }

    /** Call before inserting events; pass the ticket to {@link #appended} or, if the insert failed, {@link #cancel}. */
    public Object reserve() {
        return tracker.reserve();
    }

    public void cancel(Object ticket) {
        tracker.cancel(ticket);
    }

    /**
     * Events of {@code roomId} got {@code orderings} in the current transaction; {@code members} are the users whose
     * membership they change (their syncs must look at the room even if they do not follow it yet).
     */
    public void appended(Object ticket, String roomId, List<Long> orderings, Set<String> members) {
        tracker.begin(ticket, orderings);
        afterCommit.register(() -> {
            tracker.end(orderings);
            changes.changed(roomId, orderings.stream().mapToLong(Long::longValue).max().orElse(0), !members.isEmpty());
            memberships.changed(members);
            notifier.wake(members, Set.of(roomId));
        }, () -> tracker.end(orderings));
    }

    /** The position every sync reads up to: everything at or below it is committed. */
    public long position() {
        long position = tracker.position();
        changes.startAt(position);
        return position;
    }

    /** Of {@code roomIds}, those with events in ({@code since}, {@code upTo}]. */
    public Set<String> roomsChanged(Collection<String> roomIds, long since, long upTo) {
        if (since >= upTo || roomIds.isEmpty()) {
            return Set.of();
        }
        if (changes.covers(since)) {
            return changes.changedSince(roomIds, since);
        }
        return events.roomsWithEventsBetween(roomIds, since, upTo);
    }

    /**
     * Of {@code roomIds}, those whose membership may have changed in ({@code since}, {@code upTo}]: exactly those
     * with a member event while the change cache covers {@code since}, else every room with events (a superset).
     */
    public Set<String> roomsWithMembershipChanges(Collection<String> roomIds, long since, long upTo) {
        if (since >= upTo || roomIds.isEmpty()) {
            return Set.of();
        }
        if (changes.covers(since)) {
            return changes.membershipChangedSince(roomIds, since);
        }
        return events.roomsWithEventsBetween(roomIds, since, upTo);
    }
}
