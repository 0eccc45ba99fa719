package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room's {@code summary} (what a client needs to name a room without every member event): joined and invited
 * counts, and up to five heroes when the room has neither a name nor a canonical alias (Synapse's rule): joined or
 * invited members other than the user, else those who left. A few small queries for any number of rooms, never the
 * whole member list.
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
        List<String> room = List.of(roomId);
        return summaries(room, userId, state.nonMemberStates(room)).get(roomId);
    }

    /** The summaries of several rooms, given their non-member state (which names them). */
    Map<String, SyncResult.Summary> summaries(Collection<String> roomIds, String userId,
                                              Map<String, Map<StateKey, String>> nonMemberState) {
        Map<String, Map<String, Long>> counts = state.membershipCounts(roomIds);
        Set<String> named = named(nonMemberState);
        Map<String, SyncResult.Summary> out = new LinkedHashMap<>();
        for (String roomId : roomIds) {
            Map<String, Long> c = counts.getOrDefault(roomId, Map.of());
            List<String> heroes = null;
            if (!named.contains(roomId)) {
                heroes = state.someMembers(roomId, List.of("join", "invite"), userId, HEROES);
                if (heroes.isEmpty()) {
                    heroes = state.someMembers(roomId, List.of("leave", "ban"), userId, HEROES);
                }
            }
            out.put(roomId, new SyncResult.Summary(heroes, c.getOrDefault("join", 0L), c.getOrDefault("invite", 0L)));
        }
        return out;
    }

    /** Rooms with a non-empty name or canonical alias (their summary has no heroes). */
    private Set<String> named(Map<String, Map<StateKey, String>> nonMemberState) {
        List<String> ids = new ArrayList<>();
        nonMemberState.values().forEach(s -> {
            if (s.containsKey(NAME)) {
                ids.add(s.get(NAME));
            }
            if (s.containsKey(ALIAS)) {
                ids.add(s.get(ALIAS));
            }
        });
        Set<String> named = new HashSet<>();
        for (StoredEvent e : events.findAll(ids)) {
            String field = e.pdu().type().equals(NAME.type()) ? "name" : "alias";
            if (!e.isRedacted() && e.pdu().content().string(field).filter(v -> !v.isEmpty()).isPresent()) {
                named.add(e.pdu().roomId());
            }
        }
        return named;
    }
}
