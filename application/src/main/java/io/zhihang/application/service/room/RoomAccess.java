package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.AuthState;
import io.zhihang.domain.room.PowerLevels;
import io.zhihang.domain.room.RoomDirectoryPolicy;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads of a room's current state that several services need: membership, power levels, single state events. */
@ApplicationScoped
public class RoomAccess {
    private final RoomRepository rooms;
    private final RoomStateStore state;
    private final EventStore events;
    private static final int MAX_CACHED_VERSIONS = 100_000;
    private final java.util.concurrent.ConcurrentHashMap<String, RoomVersion> versions =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RoomAccess(RoomRepository rooms, RoomStateStore state, EventStore events) {
        this.rooms = rooms;
        this.state = state;
        this.events = events;
    }

    /** A room's version never changes, so it is remembered (bounded: cleared when it grows too big). */
    public RoomVersion version(String roomId) {
        RoomVersion known = versions.get(roomId);
        if (known != null) {
            return known;
        }
        RoomVersion version = rooms.find(roomId).orElseThrow(() -> DomainException.notFound("Unknown room " + roomId))
                .version();
        if (versions.size() > MAX_CACHED_VERSIONS) {
            versions.clear();
        }
        versions.put(roomId, version);
        return version;
    }

    public Optional<String> membership(String roomId, String userId) {
        return Optional.ofNullable(state.memberships(roomId).get(userId));
    }

    /** The users whose current membership is {@code join}. */
    public List<String> joinedMembers(String roomId) {
        return state.memberships(roomId).entrySet().stream().filter(e -> "join".equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** The users whose current membership is {@code ban}. */
    public List<String> bannedMembers(String roomId) {
        return state.memberships(roomId).entrySet().stream().filter(e -> "ban".equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
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

    /**
     * The contents of several pieces of the room's current state as clients see them (redacted if they were
     * redacted); keys without state are absent.
     */
    public Map<StateKey, JsonObject> stateContents(String roomId, Collection<StateKey> keys) {
        Map<StateKey, String> current = state.current(roomId);
        List<String> ids = keys.stream().map(current::get).filter(Objects::nonNull).toList();
        Map<StateKey, JsonObject> contents = new HashMap<>();
        if (ids.isEmpty()) {
            return contents;
        }
        RoomVersion version = version(roomId);
        for (StoredEvent stored : events.findAll(ids)) {
            contents.put(StateKey.of(stored.pdu()), visibleContent(stored, version));
        }
        return contents;
    }

    public Optional<JsonObject> stateContent(String roomId, StateKey key) {
        return Optional.ofNullable(stateContents(roomId, List.of(key)).get(key));
    }

    /** The directory rules as they apply to this user in this room (404 if the room is unknown). */
    public RoomDirectoryPolicy directoryPolicy(Requester requester, String roomId) {
        String userId = requester.userId().toString();
        boolean joined = "join".equals(membership(roomId, userId).orElse(null));
        return new RoomDirectoryPolicy(userId, requester.admin(), joined, powerLevels(roomId));
    }

    /** An event's content, or what redaction left of it. */
    static JsonObject visibleContent(StoredEvent stored, RoomVersion version) {
        if (!stored.isRedacted()) {
            return stored.pdu().content();
        }
        return Redaction.redact(stored.pdu().json(), version).object("content").orElse(JsonObject.EMPTY);
    }
}
