package io.zhihang.application.port.out.room;

import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.search.EventSearchIndex;
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
 *
 * <p>Where the database allows, a batch built on a head the writer already knows goes in one statement that commits
 * by itself ({@link #appendOnHead}): no lock round trip, no separate commit.
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

    /**
     * Whether {@link #appendOnHead} can apply here and now: the database can do it in one statement, and no
     * transaction is open (the statement commits by itself, so it must not be asked to join one).
     */
    boolean canAppendOnHead();

    /**
     * Stores a batch of messages built on {@code expectedHead} in one statement that locks the room, checks that its
     * head is still that event, and commits by itself: the events, their txn ids, their search and notification
     * rows (whose stream orderings it fills in), and the room's new head. Returns the stream orderings in the order
     * of {@code rows.appends()}; empty, having written nothing, if the head has moved, the room is unknown or a txn
     * id was used before: the caller then takes the locking path, which knows what to answer.
     */
    Optional<List<Long>> appendOnHead(String roomId, String expectedHead, OnHeadRows rows, Instant now);

    /** What {@link #appendOnHead} writes; the stream orderings in {@code search} and {@code notifications} are ignored. */
    record OnHeadRows(List<Append> appends, List<EventSearchIndex.Entry> search,
                      List<StoredNotification> notifications) {
    }

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
