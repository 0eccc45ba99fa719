package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.event.Pdu;
import io.zhihang.domain.protocol.Redaction;
import io.zhihang.domain.protocol.RoomVersion;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the write path off the database for what it can know already: each room's current state map, keyed by the
 * room's head event (valid only while the stored head is that event, so another instance's write or a rolled-back
 * transaction simply misses), and recently used PDUs by event id (immutable: an event id is its hash).
 */
@ApplicationScoped
public class RoomStateCache {
    private static final int MAX_ROOMS = 10_000;
    private static final int MAX_EVENTS = 100_000;

    private final RoomStateStore state;
    private final EventStore events;
    private final Map<String, Snapshot> snapshots = lru(MAX_ROOMS);
    private final Map<String, Pdu> pdus = lru(MAX_EVENTS);

    public RoomStateCache(RoomStateStore state, EventStore events) {
        this.state = state;
        this.events = events;
    }

    /** The room's current state (type, state_key → event id) as of its head. */
    public Map<StateKey, String> current(RoomRecord room) {
        Snapshot cached;
        synchronized (snapshots) {
            cached = snapshots.get(room.roomId());
        }
        if (cached != null && Objects.equals(cached.head(), room.headEventId())) {
            return cached.state();
        }
        Map<StateKey, String> loaded = Map.copyOf(state.current(room.roomId()));
        remember(room.roomId(), room.headEventId(), loaded);
        return loaded;
    }

    /** Records the state after {@code pdu}, the room's new head. */
    public void advance(String roomId, Map<StateKey, String> before, Pdu pdu) {
        Map<StateKey, String> after = before;
        if (pdu.isState()) {
            Map<StateKey, String> next = new HashMap<>(before);
            next.put(StateKey.of(pdu), pdu.eventId());
            after = Map.copyOf(next);
        }
        remember(roomId, pdu.eventId(), after);
        put(pdu);
    }

    /**
     * The PDUs with these ids as the auth rules must read them (a redacted event pruned per {@code version}), from
     * memory where possible.
     */
    public List<Pdu> pdus(RoomVersion version, Collection<String> eventIds) {
        List<Pdu> found = new ArrayList<>(eventIds.size());
        List<String> missing = new ArrayList<>();
        synchronized (pdus) {
            for (String id : eventIds) {
                Pdu pdu = pdus.get(id);
                if (pdu != null) {
                    found.add(pdu);
                } else {
                    missing.add(id);
                }
            }
        }
        for (StoredEvent stored : events.findAll(missing)) {
            Pdu pdu = asRedacted(stored, version);
            put(pdu);
            found.add(pdu);
        }
        return found;
    }

    /** Drops an event just redacted from memory, so that the next read prunes it. */
    public void forget(String eventId) {
        synchronized (pdus) {
            pdus.remove(eventId);
        }
    }

    /** The stored event, pruned per {@code version} if it was redacted. */
    public static Pdu asRedacted(StoredEvent stored, RoomVersion version) {
        Pdu pdu = stored.pdu();
        return stored.isRedacted() ? new Pdu(pdu.eventId(), Redaction.redact(pdu.json(), version)) : pdu;
    }

    private void put(Pdu pdu) {
        synchronized (pdus) {
            pdus.put(pdu.eventId(), pdu);
        }
    }

    private void remember(String roomId, String head, Map<StateKey, String> stateMap) {
        synchronized (snapshots) {
            snapshots.put(roomId, new Snapshot(head, stateMap));
        }
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private record Snapshot(String head, Map<StateKey, String> state) {
    }
}
