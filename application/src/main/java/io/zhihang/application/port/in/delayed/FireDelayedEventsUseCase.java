package io.zhihang.application.port.in.delayed;

import java.time.Instant;

/**
 * The scheduler's side: sends what is due. Every instance may run it at once; each event is sent exactly once.
 */
public interface FireDelayedEventsUseCase {
    /**
     * Sends the events due at {@code now} (a bounded batch per call), each in its own transaction with its row
     * locked; a send the room refuses finalises the event as failed rather than retrying. Returns how many were
     * finalised by this call.
     */
    int fireDue(Instant now);

    /** Forgets finalised events older than the retention period (seven days); returns how many. */
    int purgeFinalised(Instant now);
}
