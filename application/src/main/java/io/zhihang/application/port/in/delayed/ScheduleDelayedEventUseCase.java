package io.zhihang.application.port.in.delayed;

import io.zhihang.domain.delayed.DelayedEvent;

/**
 * Scheduling a message or state event to be sent later (MSC4140 delayed events; the seed API's scheduled messages).
 * The event is checked against the room's rules only when it is sent, as the requester and through the normal send
 * path.
 */
public interface ScheduleDelayedEventUseCase {
    /** The scheduled event (its {@code delayId} names it from now on); a retried request returns the first one. */
    DelayedEvent schedule(ScheduleDelayedEventCommand command);
}
