package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import io.zhihang.application.service.stream.RoomStream;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of messages for one room in one transaction (group commit): one lock, the events chained one after
 * another, one commit. Each message gets its own outcome: an event id, or the refusal that applies to it alone.
 */
@ApplicationScoped
public class MessageBatchWriter {
    private final MessageLog messages;
    private final RoomWriter writer;
    private final InstantSource clock;
    private final RoomStream stream;
    private final EditGuard edits;

    public MessageBatchWriter(MessageLog messages, RoomWriter writer, InstantSource clock, RoomStream stream,
                              EditGuard edits) {
        this.messages = messages;
        this.writer = writer;
        this.clock = clock;
        this.stream = stream;
        this.edits = edits;
    }

    /**
     * Outcomes in the order of {@code batch}: an event id or the exception to answer with. Edits ({@code m.replace})
     * are checked by the {@link EditGuard} under the room lock, after the auth rules, counting the edits admitted
     * earlier in the same batch: concurrent edits of one message cannot pass its limit together.
     */
    @Transactional
    public List<Object> write(String roomId, List<PendingMessage> batch) {
        Instant now = clock.instant();
        if (batch.size() == 1 && EditGuard.editedEventId(batch.getFirst().draft()) == null) {
            return List.of(writeOne(roomId, batch.getFirst(), now));
        }
        List<MessageLog.Txn> txns = batch.stream().map(PendingMessage::txn).filter(t -> t != null).toList();
        MessageLog.BatchSlot slot = messages.lockForBatch(roomId, txns)
                .orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
        Map<MessageLog.Txn, String> byTxn = new HashMap<>(slot.earlier());
        RoomRecord room = slot.room();
        List<Object> outcomes = new ArrayList<>();
        List<MessageLog.Append> appends = new ArrayList<>();
        EditGuard.Batch admitted = edits.batch();
        for (PendingMessage pending : batch) {
            String earlier = pending.txn() == null ? null : byTxn.get(pending.txn());
            if (earlier != null) {
                outcomes.add(earlier);
                continue;
            }
            try {
                MessageLog.Append append = writer.prepareMessage(room, pending.draft(), pending.txn(), now);
                admitted.admit(roomId, pending.draft(), now);
                appends.add(append);
                room = writer.afterMessage(room, append.pdu());
                if (pending.txn() != null) {
                    byTxn.put(pending.txn(), append.pdu().eventId());
                }
                outcomes.add(append.pdu().eventId());
            } catch (DomainException refused) {
                outcomes.add(refused);
            }
        }
        if (!appends.isEmpty()) {
            Object ticket = stream.reserve();
            List<Long> orderings;
            try {
                orderings = messages.appendAll(appends, now);
            } catch (RuntimeException e) {
                stream.cancel(ticket);
                throw e;
            }
            stream.appended(ticket, roomId, orderings, java.util.Set.of());
            writer.messagesStored(room, appends, orderings);
            writer.indexMessages(appends, orderings);
        }
        return outcomes;
    }

    /**
     * A message alone, not an edit: the fewest round trips (lock and txn lookup in one query, one write statement).
     */
    private Object writeOne(String roomId, PendingMessage pending, Instant now) {
        MessageLog.SendSlot slot = messages.lock(roomId, pending.txn())
                .orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
        if (slot.earlierEventId() != null) {
            return slot.earlierEventId();
        }
        try {
            return writer.appendMessage(slot.room(), pending.draft(), pending.txn(), now).pdu().eventId();
        } catch (DomainException refused) {
            return refused;
        }
    }
}
