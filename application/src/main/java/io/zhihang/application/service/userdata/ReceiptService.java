package io.zhihang.application.service.userdata;

import io.zhihang.application.port.in.userdata.ReceiptsUseCase;
import io.zhihang.application.port.out.AfterCommit;
import io.zhihang.application.port.out.push.PushNotifier;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.userdata.AccountDataRepository;
import io.zhihang.application.port.out.userdata.ReceiptRepository;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.stream.SyncActivity;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.relation.RelationTypes;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.userdata.AccountDataTypes;
import io.zhihang.domain.userdata.Receipt;
import io.zhihang.domain.userdata.ReceiptType;
import io.zhihang.domain.userdata.ThreadPlacement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read receipts and the read marker. A public receipt wakes the syncs of the room's members; a private one and the
 * read marker only the user's own. A moved read receipt may lower the user's badge count: push delivery is told
 * after commit.
 */
@ApplicationScoped
public class ReceiptService implements ReceiptsUseCase {
    /** How many relations are followed to find an event's thread (Synapse follows 3). */
    private static final int MAX_RELATION_HOPS = 3;

    private final ReceiptRepository receipts;
    private final AccountDataRepository accountData;
    private final RoomAccess access;
    private final EventStore events;
    private final HistoryFilter history;
    private final InstantSource clock;
    private final Event<SyncActivity> syncActivity;
    private final AfterCommit afterCommit;
    private final PushNotifier push;

    public ReceiptService(ReceiptRepository receipts, AccountDataRepository accountData, RoomAccess access,
                          EventStore events, HistoryFilter history, InstantSource clock,
                          Event<SyncActivity> syncActivity, AfterCommit afterCommit, PushNotifier push) {
        this.afterCommit = afterCommit;
        this.push = push;
        this.receipts = receipts;
        this.accountData = accountData;
        this.access = access;
        this.events = events;
        this.history = history;
        this.clock = clock;
        this.syncActivity = syncActivity;
    }

    @Override
    @Transactional
    public void sendReceipt(Requester requester, String roomId, String receiptType, String eventId, String threadId) {
        String room = OwnData.roomId(roomId);
        checkEventId(eventId);
        ReceiptType type = ReceiptType.parse(receiptType);
        Receipt.checkThreadId(threadId);
        if (threadId != null && type == ReceiptType.FULLY_READ) {
            throw DomainException.invalidParam("thread_id is not compatible with m.fully_read receipts.");
        }
        String userId = requester.userId().toString();
        StoredEvent event = visibleEvent(room, userId, eventId);
        if (threadId != null && !placement(event).fits(threadId)) {
            throw DomainException.invalidParam("event_id " + eventId + " is not related to thread " + threadId);
        }
        Changes changes = new Changes();
        if (type == ReceiptType.FULLY_READ) {
            moveReadMarker(userId, room, event, changes);
        } else {
            store(userId, room, type, threadId, event, changes);
        }
        changes.fire(syncActivity);
    }

    @Override
    @Transactional
    public void setReadMarkers(Requester requester, String roomId, String fullyRead, String read,
                               String readPrivate) {
        String room = OwnData.roomId(roomId);
        String userId = requester.userId().toString();
        // All events are checked before anything is written; the read marker (account-data stream) is written before
        // the receipts (receipts stream), the one order in which the two streams are ever locked together.
        StoredEvent fully = fullyRead == null ? null : visibleEvent(room, userId, checkEventId(fullyRead));
        StoredEvent pub = read == null ? null : visibleEvent(room, userId, checkEventId(read));
        StoredEvent priv = readPrivate == null ? null : visibleEvent(room, userId, checkEventId(readPrivate));
        Changes changes = new Changes();
        if (fully != null) {
            moveReadMarker(userId, room, fully, changes);
        }
        if (pub != null) {
            store(userId, room, ReceiptType.READ, null, pub, changes);
        }
        if (priv != null) {
            store(userId, room, ReceiptType.READ_PRIVATE, null, priv, changes);
        }
        changes.fire(syncActivity);
    }

    /** The read marker only moves forward, as in Synapse; a marker whose event cannot be found is replaced. */
    private void moveReadMarker(String userId, String roomId, StoredEvent event, Changes changes) {
        accountData.lockStream();
        Optional<Long> current = accountData.find(userId, roomId, AccountDataTypes.FULLY_READ)
                .flatMap(content -> content.string("event_id"))
                .flatMap(events::find)
                .filter(e -> e.pdu().roomId().equals(roomId))
                .map(StoredEvent::streamOrdering);
        if (current.isPresent() && current.get() >= event.streamOrdering()) {
            return;
        }
        accountData.save(userId, roomId, AccountDataTypes.FULLY_READ,
                JsonObject.builder().put("event_id", event.pdu().eventId()).build());
        changes.users.add(userId);
    }

    private void store(String userId, String roomId, ReceiptType type, String threadId, StoredEvent event,
                       Changes changes) {
        Receipt receipt = new Receipt(roomId, type, userId, threadId, event.pdu().eventId(), event.streamOrdering(),
                clock.millis());
        receipts.lockStream();
        if (!receipt.supersedes(receipts.find(roomId, type, userId, threadId).orElse(null))) {
            return;
        }
        receipts.save(receipt);
        if (!changes.readBy.contains(userId)) {
            changes.readBy.add(userId);
            afterCommit.register(() -> push.receiptsMoved(userId), () -> { });
        }
        if (type.isPrivate()) {
            changes.users.add(userId);
        } else {
            changes.rooms.add(roomId);
        }
    }

    /** The event, if the user is joined to the room and may see it there ({@code 403} / {@code 404} otherwise). */
    private StoredEvent visibleEvent(String roomId, String userId, String eventId) {
        access.ensureJoined(roomId, userId);
        return events.find(eventId)
                .filter(e -> e.pdu().roomId().equals(roomId))
                .filter(e -> !history.visible(roomId, userId, List.of(e)).isEmpty())
                .orElseThrow(() -> DomainException.notFound("Could not find event " + eventId));
    }

    /** The event's thread, following its relations (an edit or reaction of a thread reply is in that thread). */
    private ThreadPlacement placement(StoredEvent event) {
        List<String> chain = new ArrayList<>(List.of(event.pdu().eventId()));
        StoredEvent current = event;
        for (int hop = 0; hop <= MAX_RELATION_HOPS && current != null && !current.isRedacted(); hop++) {
            Optional<JsonObject> relation = current.pdu().content().object("m.relates_to");
            String relType = relation.flatMap(r -> r.string("rel_type")).orElse(null);
            String parent = relation.flatMap(r -> r.string("event_id")).orElse(null);
            if (relType == null || parent == null) {
                break;
            }
            if (RelationTypes.THREAD.equals(relType)) {
                return new ThreadPlacement(parent, chain);
            }
            chain.add(parent);
            String roomId = current.pdu().roomId();
            current = events.find(parent).filter(e -> e.pdu().roomId().equals(roomId)).orElse(null);
        }
        return new ThreadPlacement(null, chain);
    }

    private static String checkEventId(String eventId) {
        if (eventId == null || !eventId.startsWith("$")) {
            throw DomainException.invalidParam("A valid event ID must be specified");
        }
        return eventId;
    }

    /** Whose syncs a request's writes wake: users (private data) and rooms (public receipts). */
    private static final class Changes {
        final Set<String> users = new HashSet<>();
        final Set<String> rooms = new HashSet<>();
        /** Users whose read receipts moved: their pushers may get a new badge count. */
        final Set<String> readBy = new HashSet<>();

        void fire(Event<SyncActivity> event) {
            if (!users.isEmpty() || !rooms.isEmpty()) {
                event.fire(new SyncActivity(users, rooms));
            }
        }
    }
}
