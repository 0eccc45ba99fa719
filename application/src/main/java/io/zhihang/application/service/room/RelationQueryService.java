package io.zhihang.application.service.room;

import io.zhihang.application.port.in.room.RelationQueries;
import io.zhihang.application.port.in.room.RelationsQuery;
import io.zhihang.application.port.in.room.ThreadsQuery;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.EventStore.ThreadActivity;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /relations} and {@code /threads}: pages of child events and of thread roots, with their bundles. */
@ApplicationScoped
public class RelationQueryService implements RelationQueries {
    private final RoomAccess access;
    private final EventStore events;
    private final ClientEvents clientEvents;

    private final HistoryFilter history;

    public RelationQueryService(RoomAccess access, EventStore events, ClientEvents clientEvents,
                                HistoryFilter history) {
        this.access = access;
        this.events = events;
        this.clientEvents = clientEvents;
        this.history = history;
    }

    @Override
    @Transactional
    public RelationsPage relations(RelationsQuery q) {
        String reader = q.requester().userId().toString();
        access.ensureJoined(q.roomId(), reader);
        events.find(q.eventId()).filter(e -> e.pdu().roomId().equals(q.roomId()))
                .orElseThrow(() -> DomainException.notFound("Unknown parent event."));
        StreamWindow window = StreamWindow.of(q.from(), q.to(), q.backwards(),
                () -> events.latestOrdering(q.roomId()));
        // One more than asked tells whether another page follows.
        List<StoredEvent> found = events.relations(q.roomId(), q.eventId(), q.relType(), q.eventType(),
                window.from(), window.to(), window.direction(), q.limit() + 1);
        List<StoredEvent> chunk = found.subList(0, Math.min(q.limit(), found.size()));
        String next = found.size() > q.limit() ? window.tokenAfter(chunk.isEmpty() ? null : chunk.getLast()) : null;
        return new RelationsPage(clientEvents.formatFor(reader, q.roomId(), history.visible(q.roomId(), reader, chunk),
                true), next, q.from());
    }

    @Override
    @Transactional
    public ThreadsPage threads(ThreadsQuery q) {
        String reader = q.requester().userId().toString();
        access.ensureJoined(q.roomId(), reader);
        long before = q.from() == null ? Long.MAX_VALUE : StreamToken.parse(q.from());
        List<ThreadActivity> found = events.threads(q.roomId(), before, q.limit() + 1);
        List<ThreadActivity> page = found.subList(0, Math.min(q.limit(), found.size()));
        Map<String, StoredEvent> roots = events.findAll(page.stream().map(ThreadActivity::rootId).toList()).stream()
                .filter(e -> e.pdu().roomId().equals(q.roomId()))
                .collect(Collectors.toMap(e -> e.pdu().eventId(), Function.identity()));
        List<StoredEvent> ordered = page.stream().map(t -> roots.get(t.rootId())).filter(Objects::nonNull).toList();
        var chunk = clientEvents.formatBundled(reader, q.roomId(), ordered, true).stream()
                .filter(e -> e.relations() != null && e.relations().thread() != null)
                .filter(e -> !q.participatedOnly() || e.relations().thread().currentUserParticipated())
                .map(ClientEvents.BundledEvent::json)
                .toList();
        String next = found.size() > q.limit() ? StreamToken.format(page.getLast().latestOrdering() - 1) : null;
        return new ThreadsPage(chunk, next);
    }
}
