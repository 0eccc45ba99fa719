package io.zhihang.application.service.push;

import io.zhihang.application.port.in.push.NotificationQueries;
import io.zhihang.application.port.out.push.NotificationRepository.StoredNotification;
import io.zhihang.application.port.out.push.PushQueue.QueuedPusher;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.push.GatewayNotification;
import io.zhihang.domain.push.GatewayNotification.NotifiedEvent;
import io.zhihang.domain.push.GatewayNotification.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * What is sent to a push gateway for one notification: the event, the sender's display name and the room's name as
 * they were at the event ({@code m.room.name}, else the canonical alias, as Synapse's room name without its
 * member-list fallback), and the user's badge count (Synapse's {@code get_badge_count}, grouped by room: one per
 * pending invite and one per joined room with unread notifications).
 */
@ApplicationScoped
public class PushRequests {
    private final EventStore events;
    private final RoomStateStore state;
    private final NotificationQueries counts;

    public PushRequests(EventStore events, RoomStateStore state, NotificationQueries counts) {
        this.events = events;
        this.state = state;
        this.counts = counts;
    }

    /**
     * The request body, or empty if the event is gone or redacted (it is not pushed, as in Synapse). Read in its own
     * transaction; the gateway is called after it ends.
     */
    @Transactional
    public Optional<JsonObject> notification(QueuedPusher pusher, StoredNotification notification) {
        Optional<StoredEvent> stored = events.find(notification.eventId()).filter(e -> !e.isRedacted());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Pdu pdu = stored.get().pdu();
        long at = stored.get().streamOrdering();
        boolean eventIdOnly = GatewayNotification.EVENT_ID_ONLY.equals(
                pusher.pusher().data().string("format").orElse(null));
        NotifiedEvent event = new NotifiedEvent(pdu.eventId(), pdu.roomId(), pdu.type(), pdu.sender(),
                pdu.stateKey(), pdu.content(), eventIdOnly ? null : senderName(pdu, at),
                eventIdOnly ? null : roomName(pdu.roomId(), at));
        return Optional.of(GatewayNotification.of(recipient(pusher), event, notification.actions(),
                badge(pusher.key().userId())));
    }

    static Recipient recipient(QueuedPusher pusher) {
        return new Recipient(pusher.key().userId(), pusher.pusher(), pusher.pushkeyTs());
    }

    private String senderName(Pdu pdu, long at) {
        return events.latestState(pdu.roomId(), "m.room.member", pdu.sender(), at)
                .flatMap(member -> member.pdu().content().string("displayname"))
                .filter(name -> !name.isEmpty())
                .orElse(pdu.sender());
    }

    private String roomName(String roomId, long at) {
        return events.latestState(roomId, "m.room.name", "", at)
                .flatMap(name -> name.pdu().content().string("name"))
                .filter(name -> !name.isEmpty())
                .or(() -> events.latestState(roomId, "m.room.canonical_alias", "", at)
                        .flatMap(alias -> alias.pdu().content().string("alias")))
                .orElse(null);
    }

    /** The user's badge count, in its own transaction. */
    @Transactional
    public long badge(String userId) {
        List<String> joined = state.roomsWith(userId, "join");
        long rooms = counts.counts(userId, joined).rooms().values().stream()
                .filter(room -> room.total().notificationCount() > 0)
                .count();
        return state.roomsWith(userId, "invite").size() + rooms;
    }
}
