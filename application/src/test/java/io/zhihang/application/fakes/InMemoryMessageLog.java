package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.domain.event.Pdu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The message hot path over the in-memory room, event and txn-id fakes. */
public class InMemoryMessageLog implements MessageLog {
    private final InMemoryRoomRepository rooms;
    private final InMemoryEventStore events;
    private final InMemoryTxnIdStore txnIds;

    public InMemoryMessageLog(InMemoryRoomRepository rooms, InMemoryEventStore events, InMemoryTxnIdStore txnIds) {
        this.rooms = rooms;
        this.events = events;
        this.txnIds = txnIds;
    }

    @Override
    public Optional<SendSlot> lock(String roomId, Txn txn) {
        return rooms.lock(roomId).map(room -> new SendSlot(room, txn == null ? null
                : txnIds.find(txn.userId(), txn.deviceId(), txn.txnId()).orElse(null)));
    }

    @Override
    public Optional<BatchSlot> lockForBatch(String roomId, List<Txn> txns) {
        return rooms.lock(roomId).map(room -> {
            Map<Txn, String> earlier = new HashMap<>();
            for (Txn txn : txns) {
                txnIds.find(txn.userId(), txn.deviceId(), txn.txnId()).ifPresent(id -> earlier.put(txn, id));
            }
            return new BatchSlot(room, earlier);
        });
    }

    /** The locking path only: no store here commits by itself. */
    @Override
    public boolean canAppendOnHead() {
        return false;
    }

    @Override
    public Optional<List<Long>> appendOnHead(String roomId, String expectedHead, OnHeadRows rows, Instant now) {
        return Optional.empty();
    }

    @Override
    public List<Long> appendAll(List<Append> appends, Instant now) {
        List<Long> orderings = new ArrayList<>();
        for (Append a : appends) {
            orderings.add(append(a.pdu(), a.canonicalJson(), a.relatesTo(), a.relType(), a.txn(), now));
        }
        return orderings;
    }

    @Override
    public long append(Pdu pdu, String canonicalJson, String relatesTo, String relType, Txn txn, Instant now) {
        long ordering = events.append(pdu, canonicalJson, relatesTo, relType);
        if (txn != null) {
            txnIds.save(txn.userId(), txn.deviceId(), txn.txnId(), pdu.eventId(), now);
        }
        rooms.advanceHead(pdu.roomId(), pdu.eventId(), pdu.depth());
        return ordering;
    }
}
