package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.MessageLog;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Sends one message or state event as a user inside the caller's unit of work, through the room's normal write
 * path (room lock, auth rules at this moment, txn id for messages), for work that must commit together with the
 * send: a delayed event is marked sent in the same transaction that sends it. A refusal comes back as a value,
 * before anything is written, so the caller's transaction can go on and record it.
 */
@ApplicationScoped
public class InTransactionSender {
    private final MessageLog messages;
    private final RoomWriter writer;

    public InTransactionSender(MessageLog messages, RoomWriter writer) {
        this.messages = messages;
        this.writer = writer;
    }

    /** The outcome of one send. */
    public sealed interface Outcome {
        record Sent(String eventId) implements Outcome {
        }

        record Refused(DomainException reason) implements Outcome {
        }
    }

    /**
     * Sends {@code content} as {@code sender}; a state event if {@code stateKey} is not null. A message with a
     * {@code txnId} (and a device) is idempotent: if the device already sent under that id, its event is the answer.
     */
    public Outcome send(UserId sender, DeviceId deviceId, String roomId, String type, String stateKey,
                        JsonObject content, String txnId, Instant now) {
        try {
            if (stateKey != null) {
                EventDraft draft = EventDraft.state(type, stateKey, sender.toString(), content);
                return new Outcome.Sent(writer.append(roomId, draft, now).pdu().eventId());
            }
            MessageLog.Txn txn = txnId == null || deviceId == null ? null
                    : new MessageLog.Txn(sender, deviceId, txnId);
            MessageLog.SendSlot slot = messages.lock(roomId, txn)
                    .orElseThrow(() -> DomainException.notFound("Unknown room " + roomId));
            if (slot.earlierEventId() != null) {
                return new Outcome.Sent(slot.earlierEventId());
            }
            EventDraft draft = EventDraft.message(type, sender.toString(), content);
            return new Outcome.Sent(writer.appendMessage(slot.room(), draft, txn, now).pdu().eventId());
        } catch (DomainException refused) {
            return new Outcome.Refused(refused);
        }
    }
}
