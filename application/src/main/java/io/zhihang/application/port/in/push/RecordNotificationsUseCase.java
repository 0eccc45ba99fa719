package io.zhihang.application.port.in.push;

import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.room.StateKey;

import java.util.List;
import java.util.Map;

/**
 * Running push rules on events just stored, in the transaction that stores them. The room write path calls it
 * through this port, so that the room services do not depend on the push services.
 */
public interface RecordNotificationsUseCase {
    /**
     * Records the notifications of events just stored in one room, whose state before each of them was
     * {@code stateBefore} (the room's current state map: type, state key → event id; messages change no state, so a
     * batch of them shares one).
     */
    void record(String roomId, RoomVersion version, Map<StateKey, String> stateBefore, List<NewEvent> events);

    /**
     * The rows {@link #record} would write, for a writer that stores them itself, in the statement that stores the
     * events (which fills in their stream orderings).
     */
    List<StoredNotification> decide(String roomId, RoomVersion version, Map<StateKey, String> stateBefore,
                                    List<NewEvent> events);

    /**
     * Forgets the notifications an event gave, because it was redacted (recalled), as Synapse does: it no longer
     * counts as unread and {@code /notifications} no longer lists it.
     */
    void redacted(String eventId);

    /** An event just stored, with its stream ordering. */
    record NewEvent(Pdu pdu, long streamOrdering) {
    }
}
