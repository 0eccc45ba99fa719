package io.zhihang.application.service.delayed;

import io.zhihang.application.port.out.delayed.DelayedEventRepository;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * One delayed event sent per transaction: its row locked (skipped if another instance holds it), the event sent
 * through the room's write path, the row marked sent or failed, all committed together. Either all of it happens or
 * none of it, so a crash leaves the event scheduled for the next attempt, and no two instances send it.
 */
@ApplicationScoped
public class DelayedEventFiring {
    private final DelayedEventRepository events;
    private final DelayedEventSending sending;
    private final InstantSource clock;

    public DelayedEventFiring(DelayedEventRepository events, DelayedEventSending sending, InstantSource clock) {
        this.events = events;
        this.sending = sending;
        this.clock = clock;
    }

    @Transactional
    public List<DelayedEvent> due(Instant dueBy, int limit) {
        return events.due(dueBy, limit);
    }

    /**
     * Sends the event if it is still scheduled and due by {@code dueBy} and no other transaction holds it; the sent
     * event is stamped with the clock's time. True if this call finalised it.
     */
    @Transactional
    public boolean fireIfDue(String delayId, Instant dueBy) {
        Optional<DelayedEvent> locked = events.lockIfDue(delayId, dueBy);
        if (locked.isEmpty()) {
            return false;
        }
        DelayedEvent after = sending.fire(locked.get(), clock.instant());
        if (!events.updateScheduled(after)) {
            throw new IllegalStateException("Delayed event " + delayId + " changed while locked");
        }
        return true;
    }

    /** Gives up on an event that keeps failing unexpectedly: failed with {@code error}, if still scheduled. */
    @Transactional
    public void failIfScheduled(String delayId, DelayedEventError error) {
        events.lock(delayId).filter(e -> !e.status().isFinalised())
                .ifPresent(e -> events.updateScheduled(e.failed(error, clock.instant())));
    }

    @Transactional
    public int deleteFinalisedBefore(Instant cutoff) {
        return events.deleteFinalisedBefore(cutoff);
    }
}
