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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    public Written write(String roomId, List<PendingMessage> batch) {
        Instant now = clock.instant();
        if (batch.size() == 1 && EditGuard.editedEventId(batch.getFirst().draft()) == null) {
            return writeOne(roomId, batch.getFirst(), now);
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
        return new Written(outcomes, room);
    }

    /**
     * The optimistic form, outside any transaction where the store allows it ({@link MessageLog#appendOnHead}): the
     * batch is built on {@code known}, the room as its lane last wrote it, with no lock taken, and stored by one
     * statement that commits by itself if the room's head is still that event. Null when it does not apply or did
     * not take, having written nothing: the caller then takes the locking path ({@link #write}). Edits, refusals and
     * repeated txn ids always take that path, so that they are judged under the lock.
     */
    public Written writeOnHead(RoomRecord known, List<PendingMessage> batch) {
        if (known == null || known.headEventId() == null || !messages.canAppendOnHead()) {
            return null;
        }
        Instant now = clock.instant();
        RoomRecord room = known;
        List<MessageLog.Append> appends = new ArrayList<>(batch.size());
        Set<MessageLog.Txn> txns = new HashSet<>();
        for (PendingMessage pending : batch) {
            if (EditGuard.editedEventId(pending.draft()) != null
                    || (pending.txn() != null && !txns.add(pending.txn()))) {
                return null;
            }
            MessageLog.Append append;
            try {
                append = writer.prepareMessage(room, pending.draft(), pending.txn(), now);
            } catch (DomainException refused) {
                return null;
            }
            appends.add(append);
            room = writer.afterMessage(room, append.pdu());
        }
        MessageLog.OnHeadRows rows = writer.onHeadRows(room, appends);
        if (rows == null) {
            return null;
        }
        Object ticket = stream.reserve();
        Optional<List<Long>> orderings;
        try {
            orderings = messages.appendOnHead(known.roomId(), known.headEventId(), rows, now);
        } catch (RuntimeException e) {
            stream.cancel(ticket);
            throw e;
        }
        if (orderings.isEmpty()) {
            stream.cancel(ticket);
            return null;
        }
        stream.appended(ticket, known.roomId(), orderings.get(), Set.of());
        return new Written(appends.stream().<Object>map(a -> a.pdu().eventId()).toList(), room);
    }

    /**
     * A batch's outcomes, in order (an event id or the exception to answer with), and the room as the batch left
     * it (its head the last event stored), which the lane builds its next batch on.
     */
    public record Written(List<Object> outcomes, RoomRecord room) {
    }

    /**
     * A message alone, not an edit: the fewest round trips (lock and txn lookup in one query, one write statement).
     */
    private Written writeOne(String roomId, PendingMessage pending, Instant now) {
        MessageLog.SendSlot slot = messages.lock(roomId, pending.txn())
                .orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
        if (slot.earlierEventId() != null) {
            return new Written(List.of(slot.earlierEventId()), slot.room());
        }
        try {
            AppendedEvent appended = writer.appendMessage(slot.room(), pending.draft(), pending.txn(), now);
            return new Written(List.of(appended.pdu().eventId()), appended.room());
        } catch (DomainException refused) {
            return new Written(List.of(refused), slot.room());
        }
    }
}
