package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.out.delayed.DelayedEventRepository;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.search.EventSearchIndex;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.room.RoomWriter;
import io.zhihang.domain.event.EventDraft;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.json.CanonicalJson;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.relation.RelatedEvent;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Destroys a message's content for good: the message and its sender's edits (whose {@code m.new_content} repeats the
 * text) are redacted in the room, as their sender (so every client removes them; it is the sender's own earlier
 * choice, so the recall window does not apply), and their stored JSON is replaced by the redacted form, so the
 * plaintext is gone from the database, not only hidden. The search index forgets them, and a scheduled message's
 * stored copy of the content is emptied.
 */
@ApplicationScoped
public class MessagePurge {
    private static final System.Logger LOG = System.getLogger(MessagePurge.class.getName());

    private final EventStore events;
    private final RoomRepository rooms;
    private final RoomWriter writer;
    private final RoomAccess access;
    private final EventSearchIndex index;
    private final DelayedEventRepository delayed;

    public MessagePurge(EventStore events, RoomRepository rooms, RoomWriter writer, RoomAccess access,
                        EventSearchIndex index, DelayedEventRepository delayed) {
        this.events = events;
        this.rooms = rooms;
        this.writer = writer;
        this.access = access;
        this.index = index;
        this.delayed = delayed;
    }

    /** Does nothing for an event that is not there (any more). */
    @Transactional
    public void destroy(String eventId, String reason, Instant now) {
        StoredEvent target = events.find(eventId).orElse(null);
        if (target == null) {
            return;
        }
        String roomId = target.pdu().roomId();
        RoomRecord room = rooms.lock(roomId).orElseThrow(() -> DomainException.notFound("Unknown room"));
        List<StoredEvent> doomed = new ArrayList<>();
        doomed.add(target);
        for (RelatedEvent edit : events.relationsOf(roomId, List.of(eventId), List.of("m.replace"))) {
            if (edit.sender().equals(target.pdu().sender())) {
                events.find(edit.eventId()).ifPresent(doomed::add);
            }
        }
        JsonObject content = JsonObject.builder().put("reason", reason).build();
        for (StoredEvent event : doomed) {
            if (!event.isRedacted()) {
                redactAsSender(room, event, content, now);
            }
            JsonObject pruned = Redaction.redact(event.pdu().json(), access.version(roomId));
            events.prune(event.pdu().eventId(), CanonicalJson.encode(pruned));
            index.remove(event.pdu().eventId());
            delayed.forgetContentOf(event.pdu().eventId());
        }
    }

    /**
     * The redaction every client sees. A sender who has left can no longer redact in the room; the content is still
     * purged from storage, and readers see it gone when they next load the event.
     */
    private void redactAsSender(RoomRecord room, StoredEvent event, JsonObject content, Instant now) {
        String sender = event.pdu().sender();
        if (!"join".equals(access.membership(room.roomId(), sender).orElse(null))) {
            LOG.log(System.Logger.Level.INFO, "Purged " + event.pdu().eventId() + " without a redaction event: its"
                    + " sender is no longer in the room");
            return;
        }
        writer.appendLocked(room, EventDraft.redaction(sender, event.pdu().eventId(), content), now);
    }
}
