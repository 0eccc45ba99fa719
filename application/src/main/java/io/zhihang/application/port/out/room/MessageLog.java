package io.zhihang.application.port.out.room;

import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hot path of sending a message event, in as few database round trips as the database allows: one to lock the
 * room and see whether the transaction id was used, one to store the event, its transaction id and the room's new
 * head. Other writes (state, redactions, room creation) go through the general repositories.
 */
public interface MessageLog {
    /** Locks the room row until commit and reads it, with the event an earlier use of the txn id made (if any). */
    Optional<SendSlot> lock(String roomId, Txn txn);

    /** Stores a message event (not a state event), the txn id (if any) and the room's new head; returns its ordering. */
    long append(Pdu pdu, String canonicalJson, String relatesTo, String relType, Txn txn, Instant now);

    /** Batch form of {@link #lock}: the room, and for each txn id already used, the event it made. */
    Optional<BatchSlot> lockForBatch(String roomId, List<Txn> txns);

    /**
     * Stores several message events of one room, already chained (each names the previous as its prev_event), their
     * txn ids, and the room's new head (the last event); returns the stream orderings in order.
     */
    List<Long> appendAll(List<Append> appends, Instant now);

    record SendSlot(RoomRecord room, String earlierEventId) {
    }

    record BatchSlot(RoomRecord room, Map<Txn, String> earlier) {
    }

    record Append(Pdu pdu, String canonicalJson, String relatesTo, String relType, Txn txn) {
    }

    /** A client transaction id; null where the request had none. */
    record Txn(UserId userId, DeviceId deviceId, String txnId) {
    }
}
