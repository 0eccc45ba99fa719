package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.room.AuthState;
import io.zhihang.domain.room.PowerLevels;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads of a room's current state that several services need: membership, power levels, single state events. */
@ApplicationScoped
public class RoomAccess {
    private final RoomRepository rooms;
    private final RoomStateStore state;
    private final EventStore events;

    public RoomAccess(RoomRepository rooms, RoomStateStore state, EventStore events) {
        this.rooms = rooms;
        this.state = state;
        this.events = events;
    }

    public RoomVersion version(String roomId) {
        return rooms.find(roomId).orElseThrow(() -> DomainException.notFound("Unknown room " + roomId)).version();
    }

    public Optional<String> membership(String roomId, String userId) {
        return Optional.ofNullable(state.memberships(roomId).get(userId));
    }

    /** Refuses (403) unless the user is joined; unknown rooms look the same (no leak of room existence). */
    public void ensureJoined(String roomId, String userId) {
        if (!"join".equals(membership(roomId, userId).orElse(null))) {
            throw DomainException.forbidden("You are not a member of this room");
        }
    }

    /** A current state event as the auth rules read it: pruned if it was redacted. */
    public Optional<Pdu> stateEvent(String roomId, StateKey key) {
        String eventId = state.current(roomId).get(key);
        return eventId == null ? Optional.empty()
                : events.find(eventId).map(e -> RoomStateCache.asRedacted(e, version(roomId)));
    }

    public PowerLevels powerLevels(String roomId) {
        RoomVersion version = version(roomId);
        Pdu create = stateEvent(roomId, StateKey.CREATE).orElseThrow();
        Set<String> creators = AuthState.creatorsOf(create, version);
        return stateEvent(roomId, StateKey.POWER_LEVELS)
                .map(pl -> PowerLevels.fromContent(pl.content(), version, creators))
                .orElse(PowerLevels.defaults(version, creators));
    }

    public Map<StateKey, String> currentState(String roomId) {
        return state.current(roomId);
    }
}
