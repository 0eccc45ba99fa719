package io.zhihang.application.service.lifecycle;

import io.zhihang.application.port.in.lifecycle.SeedMessage;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.lifecycle.MessageStatus;
import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.relation.RelatedEvent;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Stored events as the seed API shows messages: recalled or destroyed ones without content, edited ones with the
 * text of their latest edit by the sender, each with its status ({@link MessageStatuses}).
 */
@ApplicationScoped
public class SeedMessageViews {
    private final SeedIds ids;
    private final EventStore events;
    private final ProfileRepository profiles;
    private final MessageStatuses statuses;

    public SeedMessageViews(SeedIds ids, EventStore events, ProfileRepository profiles, MessageStatuses statuses) {
        this.ids = ids;
        this.events = events;
        this.profiles = profiles;
        this.statuses = statuses;
    }

    public SeedMessage view(StoredEvent stored) {
        String roomId = stored.pdu().roomId();
        String sender = stored.pdu().sender();
        JsonObject content = stored.pdu().content();
        MessageType type = MessageType.of(stored.pdu().type(), content).orElse(MessageType.TEXT);
        String text = null;
        boolean edited = false;
        if (!stored.isRedacted()) {
            Optional<RelatedEvent> latestEdit = latestEdit(stored);
            edited = latestEdit.isPresent();
            text = latestEdit.flatMap(e -> e.full().content().object("m.new_content"))
                    .flatMap(c -> c.string("body")).or(() -> content.string("body")).orElse(null);
        }
        MessageStatus status = statuses.of(stored, edited);
        String name = profiles.find(UserId.parse(sender)).map(Profile::displayName).orElse(null);
        return new SeedMessage(stored.streamOrdering(), stored.pdu().eventId(), ids.chatNumber(roomId), roomId,
                ids.userNumber(sender), sender, name, type, text, Instant.ofEpochMilli(stored.pdu().originServerTs()),
                status);
    }

    /** The sender's latest {@code m.replace} of the message, if any (others' edits are refused anyway). */
    Optional<RelatedEvent> latestEdit(StoredEvent stored) {
        List<RelatedEvent> edits = events.relationsOf(stored.pdu().roomId(), List.of(stored.pdu().eventId()),
                List.of("m.replace"));
        return edits.stream().filter(e -> e.sender().equals(stored.pdu().sender()))
                .max(Comparator.comparingLong(RelatedEvent::streamOrdering));
    }
}
