package io.zhihang.application.service.room;

import io.zhihang.application.port.in.lifecycle.EditHistoryQueries;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.lifecycle.EditHistory;
import io.zhihang.domain.relation.RelationTypes;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Reads a message's edits (its unredacted {@code m.replace} children, in stream order) for a reader who may see it,
 * as far as their history visibility reaches, and lays them out as an {@link EditHistory}.
 */
@ApplicationScoped
public class EditHistoryService implements EditHistoryQueries {
    private final EventStore events;
    private final HistoryFilter history;

    public EditHistoryService(EventStore events, HistoryFilter history) {
        this.events = events;
        this.history = history;
    }

    @Override
    @Transactional
    public EditHistory editHistory(Requester requester, String eventId) {
        String reader = requester.userId().toString();
        StoredEvent original = events.find(eventId)
                .filter(e -> history.mayRead(e.pdu().roomId(), reader))
                .filter(e -> !history.visible(e.pdu().roomId(), reader, List.of(e)).isEmpty())
                .orElseThrow(() -> DomainException.notFound("Event not found."));
        if (original.isRedacted()) {
            return new EditHistory(eventId, List.of());
        }
        String roomId = original.pdu().roomId();
        List<StoredEvent> edits = events.relationsOf(roomId, List.of(eventId), List.of(RelationTypes.REPLACE))
                .stream()
                .filter(e -> e.full() != null)
                .map(e -> new StoredEvent(e.streamOrdering(), e.full(), null))
                .toList();
        return EditHistory.of(original.pdu(), history.visible(roomId, reader, edits).stream()
                .map(StoredEvent::pdu).toList());
    }
}
