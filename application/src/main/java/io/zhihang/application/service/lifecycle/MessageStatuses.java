package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.lifecycle.SelfDestructs;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.userdata.ReceiptRepository;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.ReceiptType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Where a message is in its life, in the seed's words: {@code destroyed} (it destroyed itself), {@code recalled}
 * (redacted), {@code edited}, {@code read} (another member's public read receipt is at or after it),
 * {@code delivered} (a device of another member was active after it was sent: device activity is recorded within
 * ten seconds), or {@code sent}. Delivery is looked up for rooms of at most {@value #DELIVERY_MEMBERS} other members.
 */
@ApplicationScoped
public class MessageStatuses {
    static final int DELIVERY_MEMBERS = 50;

    private final SelfDestructs selfDestructs;
    private final ReceiptRepository receipts;
    private final RoomAccess access;
    private final DeviceRepository devices;

    public MessageStatuses(SelfDestructs selfDestructs, ReceiptRepository receipts, RoomAccess access,
                           DeviceRepository devices) {
        this.selfDestructs = selfDestructs;
        this.receipts = receipts;
        this.access = access;
        this.devices = devices;
    }

    public String of(StoredEvent stored, boolean edited) {
        if (stored.isRedacted()) {
            boolean destroyed = selfDestructs.find(stored.pdu().eventId())
                    .flatMap(SelfDestructs.Scheduled::destroyedAt).isPresent();
            return destroyed ? "destroyed" : "recalled";
        }
        if (edited) {
            return "edited";
        }
        String roomId = stored.pdu().roomId();
        String sender = stored.pdu().sender();
        boolean read = receipts.changedSince(List.of(roomId), 0, sender).stream()
                .anyMatch(r -> r.type() == ReceiptType.READ && !r.userId().equals(sender)
                        && r.eventOrdering() >= stored.streamOrdering());
        if (read) {
            return "read";
        }
        return delivered(stored) ? "delivered" : "sent";
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
