package io.zhihang.application.service.room;

import io.zhihang.application.port.in.room.ContextQuery;
import io.zhihang.application.port.in.room.TimelineQueries;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.userdata.IgnoredUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /context} and {@code /timestamp_to_event}. */
@ApplicationScoped
public class TimelineQueryService implements TimelineQueries {
    private final RoomAccess access;
    private final EventStore events;
    private final ClientEvents clientEvents;

    private final HistoryFilter history;
    private final IgnoreLists ignoreLists;

    public TimelineQueryService(RoomAccess access, EventStore events, ClientEvents clientEvents,
                                HistoryFilter history, IgnoreLists ignoreLists) {
        this.access = access;
        this.events = events;
        this.clientEvents = clientEvents;
        this.history = history;
        this.ignoreLists = ignoreLists;
    }

    @Override
    @Transactional
    public EventContext context(ContextQuery q) {
        String reader = q.requester().userId().toString();
        if (!"join".equals(access.membership(q.roomId(), reader).orElse(null))
                && !history.isWorldReadable(q.roomId())) {
            access.ensureJoined(q.roomId(), reader);
        }
        IgnoredUsers ignored = ignoreLists.of(reader);
        StoredEvent target = events.find(q.eventId()).filter(e -> e.pdu().roomId().equals(q.roomId()))
                .filter(e -> !history.visible(q.roomId(), reader, List.of(e)).isEmpty())
                .filter(e -> !ignored.hides(e.pdu()))
                .orElseThrow(() -> DomainException.notFound("Event not found."));
        int beforeLimit = q.limit() / 2;
        int afterLimit = q.limit() - beforeLimit;
        long at = target.streamOrdering();
        List<StoredEvent> before = beforeLimit == 0 ? List.of() : shown(ignored, history.visible(q.roomId(), reader,
                events.page(q.roomId(), at, null, EventStore.Direction.BACKWARDS, beforeLimit)));
        List<StoredEvent> after = afterLimit == 0 ? List.of() : shown(ignored, history.visible(q.roomId(), reader,
                events.page(q.roomId(), at, null, EventStore.Direction.FORWARDS, afterLimit)));
        List<StoredEvent> window = new ArrayList<>(before);
        window.add(target);
        window.addAll(after);
        // One formatting pass, so the whole window costs one relations query.
        List<JsonObject> formatted = clientEvents.formatFor(reader, q.roomId(), window, true);
        String start = StreamToken.format((before.isEmpty() ? target : before.getLast()).streamOrdering() - 1);
        String end = StreamToken.format((after.isEmpty() ? target : after.getLast()).streamOrdering());
        return new EventContext(formatted.get(before.size()), formatted.subList(0, before.size()),
                formatted.subList(before.size() + 1, formatted.size()), start, end,
                state(q.roomId(), window, q.lazyLoadMembers()));
    }

    @Override
    @Transactional
    public EventAtTime closestEvent(Requester requester, String roomId, long ts, boolean forwards) {
        access.ensureJoined(roomId, requester.userId().toString());
        StoredEvent found = events.closestTo(roomId, ts,
                        forwards ? EventStore.Direction.FORWARDS : EventStore.Direction.BACKWARDS)
                .orElseThrow(() -> DomainException.notFound("Unable to find event from " + ts + " in "
                        + (forwards ? "forward" : "backward") + " direction"));
        return new EventAtTime(found.pdu().eventId(), found.pdu().originServerTs());
    }

    private static List<StoredEvent> shown(IgnoredUsers ignored, List<StoredEvent> visible) {
        return visible.stream().filter(e -> !ignored.hides(e.pdu())).toList();
    }

    /** The current state, or (lazy-loading members) the member events of the window's senders. */
    private List<JsonObject> state(String roomId, List<StoredEvent> window, boolean lazyLoadMembers) {
        Map<StateKey, String> current = access.currentState(roomId);
        List<String> ids = lazyLoadMembers
                ? window.stream().map(e -> e.pdu().sender()).distinct()
                        .map(sender -> current.get(StateKey.member(sender))).filter(Objects::nonNull).toList()
                : List.copyOf(current.values());
        return clientEvents.formatIds(roomId, ids, true);
    }
}
