package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A room's {@code summary} (what a client needs to name a room without every member event): joined and invited
 * counts, and up to five heroes when the room has neither a name nor a canonical alias (Synapse's rule): joined or
 * invited members other than the user, else those who left. A few small queries, never the whole member list.
 */
@ApplicationScoped
public class RoomSummaries {
    private static final int HEROES = 5;
    private static final StateKey NAME = new StateKey("m.room.name", "");
    private static final StateKey ALIAS = new StateKey("m.room.canonical_alias", "");

    private final RoomStateStore state;
    private final EventStore events;

    public RoomSummaries(RoomStateStore state, EventStore events) {
        this.state = state;
        this.events = events;
    }

    SyncResult.Summary summary(String roomId, String userId) {
        Map<String, Long> counts = state.membershipCounts(roomId);
        long joined = counts.getOrDefault("join", 0L);
        long invited = counts.getOrDefault("invite", 0L);
        if (named(roomId)) {
            return new SyncResult.Summary(null, joined, invited);
        }
        List<String> heroes = state.someMembers(roomId, List.of("join", "invite"), userId, HEROES);
        if (heroes.isEmpty()) {
            heroes = state.someMembers(roomId, List.of("leave", "ban"), userId, HEROES);
        }
        return new SyncResult.Summary(heroes, joined, invited);
    }

    private boolean named(String roomId) {
        Map<StateKey, String> roomWide = state.currentWithMembers(roomId, List.of());
        List<String> ids = java.util.stream.Stream.of(roomWide.get(NAME), roomWide.get(ALIAS))
                .filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return false;
        }
        for (StoredEvent e : events.findAll(ids)) {
            String field = e.pdu().type().equals(NAME.type()) ? "name" : "alias";
            if (!e.isRedacted() && e.pdu().content().string(field).filter(v -> !v.isEmpty()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
