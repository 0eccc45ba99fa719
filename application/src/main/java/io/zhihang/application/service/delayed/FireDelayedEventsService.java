package io.zhihang.application.service.delayed;

import io.zhihang.application.port.in.delayed.FireDelayedEventsUseCase;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Sends the due delayed events, one transaction each ({@link DelayedEventFiring}). A send the room refuses fails
 * the event at once; an unexpected error (the database, a bug) leaves it scheduled for the next run, until it is an
 * hour overdue, when it is failed too, so nothing is retried forever.
 */
@ApplicationScoped
public class FireDelayedEventsService implements FireDelayedEventsUseCase {
    static final int BATCH = 100;
    static final Duration GIVE_UP_AFTER = Duration.ofHours(1);
    /** MSC4140's recommended retention of finalised delayed events. */
    static final Duration FINALISED_RETENTION = Duration.ofDays(7);
    private static final System.Logger LOG = System.getLogger(FireDelayedEventsService.class.getName());

    private final DelayedEventFiring firing;

    public FireDelayedEventsService(DelayedEventFiring firing) {
        this.firing = firing;
    }

    @Override
    public int fireDue(Instant now) {
        int finalised = 0;
        for (DelayedEvent due : firing.due(now, BATCH)) {
            try {
                if (firing.fireIfDue(due.delayId(), now)) {
                    finalised++;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Sending delayed event " + due.delayId() + " failed", e);
                if (now.isAfter(due.sendAt().plus(GIVE_UP_AFTER))) {
                    giveUp(due);
                }
            }
        }
        return finalised;
    }

    @Override
    public int purgeFinalised(Instant now) {
        return firing.deleteFinalisedBefore(now.minus(FINALISED_RETENTION));
    }

    private void giveUp(DelayedEvent due) {
        try {
            firing.failIfScheduled(due.delayId(), new DelayedEventError("M_UNKNOWN", "Internal server error"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not mark delayed event " + due.delayId() + " failed", e);
        }
    }
}
