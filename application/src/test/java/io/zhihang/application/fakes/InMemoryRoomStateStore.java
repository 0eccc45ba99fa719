package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.domain.room.StateKey;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each room's current state in insertion order, with the membership of member events alongside, for tests. */
public class InMemoryRoomStateStore implements RoomStateStore {
    private static final String MEMBER = "m.room.member";

    private record Entry(String eventId, String membership) {
    }

    private final Map<String, Map<StateKey, Entry>> rooms = new ConcurrentHashMap<>();

    @Override
    public synchronized Map<StateKey, String> current(String roomId) {
        Map<StateKey, String> state = new LinkedHashMap<>();
        room(roomId).forEach((key, entry) -> state.put(key, entry.eventId()));
        return state;
    }

    @Override
    public synchronized void put(String roomId, StateKey key, String eventId, String membership) {
        rooms.computeIfAbsent(roomId, id -> new LinkedHashMap<>()).put(key, new Entry(eventId, membership));
    }

    @Override
    public synchronized List<String> roomsWith(String userId, String membership) {
        return rooms.entrySet().stream()
                .filter(room -> {
                    Entry entry = room.getValue().get(StateKey.member(userId));
                    return entry != null && membership.equals(entry.membership());
                })
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public synchronized Map<String, String> memberships(String roomId) {
        Map<String, String> members = new LinkedHashMap<>();
        room(roomId).forEach((key, entry) -> {
            if (key.type().equals(MEMBER)) {
                members.put(key.stateKey(), entry.membership());
            }
        });
        return members;
    }

    @Override
    public synchronized Map<String, Map<String, String>> roomWideState(Collection<String> roomIds,
                                                                       Collection<String> types) {
        Map<String, Map<String, String>> state = new HashMap<>();
        for (String roomId : roomIds) {
            room(roomId).forEach((key, entry) -> {
                if (key.stateKey().isEmpty() && types.contains(key.type())) {
                    state.computeIfAbsent(roomId, id -> new HashMap<>()).put(key.type(), entry.eventId());
                }
            });
        }
        return state;
    }

    @Override
    public synchronized Map<String, Long> joinedCounts(Collection<String> roomIds) {
        Map<String, Long> counts = new HashMap<>();
        for (String roomId : roomIds) {
            long joined = memberships(roomId).values().stream().filter("join"::equals).count();
            if (joined > 0) {
                counts.put(roomId, joined);
            }
        }
        return counts;
    }

    /** Every room with state, for fakes that scan them all. */
    public synchronized List<String> roomIds() {
        return rooms.keySet().stream().sorted().toList();
    }

    private Map<StateKey, Entry> room(String roomId) {
        return rooms.getOrDefault(roomId, Map.of());
    }
}
