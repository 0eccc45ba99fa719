package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.lifecycle.EncryptedMessages;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.userdata.ReceiptRepository;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.lifecycle.MessageFacts;
import io.zhihang.domain.lifecycle.MessageStatus;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.ReceiptType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * The facts behind a message's {@link MessageStatus}: whether it destroyed itself, whether another member's public
 * read receipt is at or after it, whether a device of another member was active after it was sent (device activity
 * is recorded within ten seconds), whether its redaction only hides content sealed with a password (then it is not
 * recalled). Delivery is looked up for rooms of at most {@value #DELIVERY_MEMBERS} other members.
 */
@ApplicationScoped
public class MessageStatuses {
    static final int DELIVERY_MEMBERS = 50;

    private final SelfDestructs selfDestructs;
    private final ReceiptRepository receipts;
    private final RoomAccess access;
    private final DeviceRepository devices;
    private final EncryptedMessages encrypted;

    public MessageStatuses(SelfDestructs selfDestructs, ReceiptRepository receipts, RoomAccess access,
                           DeviceRepository devices, EncryptedMessages encrypted) {
        this.selfDestructs = selfDestructs;
        this.receipts = receipts;
        this.access = access;
        this.devices = devices;
        this.encrypted = encrypted;
    }

    public MessageStatus of(StoredEvent stored, boolean edited) {
        boolean recalled = MessageFacts.isRecalled(stored.isRedacted(),
                stored.isRedacted() && encrypted.isSealedWithPassword(stored.pdu().eventId()));
        return MessageStatus.of(recalled, () -> destroyed(stored), edited, () -> read(stored),
                () -> delivered(stored));
    }

    private boolean destroyed(StoredEvent stored) {
        return selfDestructs.find(stored.pdu().eventId()).flatMap(SelfDestructs.Scheduled::destroyedAt).isPresent();
    }

    private boolean read(StoredEvent stored) {
        String sender = stored.pdu().sender();
        return receipts.changedSince(List.of(stored.pdu().roomId()), 0, sender).stream()
                .anyMatch(r -> r.type() == ReceiptType.READ && !r.userId().equals(sender)
                        && r.eventOrdering() >= stored.streamOrdering());
    }

    private boolean delivered(StoredEvent stored) {
        String sender = stored.pdu().sender();
        List<String> others = access.joinedMembers(stored.pdu().roomId()).stream().filter(u -> !u.equals(sender))
                .toList();
        if (others.size() > DELIVERY_MEMBERS) {
            return false;
        }
        Instant sent = Instant.ofEpochMilli(stored.pdu().originServerTs());
        return others.stream().flatMap(u -> devices.listFor(UserId.parse(u)).stream())
                .map(Device::lastSeenTs).anyMatch(ts -> ts != null && ts.isAfter(sent));
    }
}
