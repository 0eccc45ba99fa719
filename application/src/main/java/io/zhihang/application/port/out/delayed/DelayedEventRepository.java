package io.zhihang.application.port.out.delayed;

import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The delayed events, durable across restarts and shared by every server instance on the database. The locks are
 * row locks held until the transaction ends, so two instances never send the same event.
 */
public interface DelayedEventRepository {
    void insert(DelayedEvent event);

    /** The event the owner's device scheduled under {@code txnId}, if any (a retried scheduling request). */
    Optional<DelayedEvent> findByTxn(UserId owner, DeviceId deviceId, String txnId);

    /**
     * The owner's events, scheduled ones by send time and then finalised ones by finalisation time; only those with
     * the given ids unless {@code delayIds} is empty.
     */
    List<DelayedEvent> ofOwner(UserId owner, Collection<String> delayIds);

    /** How many the owner has scheduled, and when the first of them is due (null if none). */
    ScheduledCount scheduledOf(UserId owner);

    /** Reads the event and locks its row until the transaction ends, waiting for another holder to finish. */
    Optional<DelayedEvent> lock(String delayId);

    /**
     * Locks the event's row if it is still scheduled and due at {@code now}, without waiting: a row another
     * transaction (another instance's scheduler) holds is skipped, and empty is returned.
     */
    Optional<DelayedEvent> lockIfDue(String delayId, Instant now);

    /** Up to {@code limit} scheduled events due at {@code now}, the longest overdue first (no locks taken). */
    List<DelayedEvent> due(Instant now, int limit);

    /**
     * Stores the new state (restart or finalisation) of an event whose row this transaction has locked, if the
     * stored row is still scheduled; false (and nothing written) otherwise.
     */
    boolean updateScheduled(DelayedEvent event);

    /** Forgets finalised events finalised before {@code cutoff}; returns how many. */
    int deleteFinalisedBefore(Instant cutoff);

    /** Empties the stored content of the delayed event that became {@code eventId} (the message was destroyed). */
    void forgetContentOf(String eventId);

    record ScheduledCount(int count, Instant nextSendAt) {
    }
}
