package io.zhihang.application.port.in.delayed;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.delayed.DelayedEvent;
import io.zhihang.domain.delayed.DelayedEventAction;

/**
 * The owner cancels, restarts or sends now one of their delayed events. Anyone else's, or an unknown id, is
 * {@code M_NOT_FOUND} (as Synapse answers). Repeating an action that already happened succeeds; contradicting it is
 * 409. A {@code send} the room refuses answers with that refusal and leaves the event scheduled (MSC4140).
 */
public interface ManageDelayedEventUseCase {
    /** The event after the action. */
    DelayedEvent manage(Requester requester, String delayId, DelayedEventAction action);
}
