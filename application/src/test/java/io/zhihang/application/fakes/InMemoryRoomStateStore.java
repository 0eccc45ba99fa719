package io.zhihang.application.fakes;

import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.domain.room.StateKey;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    public synchronized Map<StateKey, String> currentWithMembers(String roomId, Collection<String> members) {
        Map<StateKey, String> out = new java.util.LinkedHashMap<>();
        current(roomId).forEach((key, id) -> {
            if (!key.type().equals("m.room.member") || members.contains(key.stateKey())) {
                out.put(key, id);
            }
        });
        return out;
    }

    @Override
    public synchronized Map<String, Long> membershipCounts(String roomId) {
        Map<String, Long> out = new java.util.TreeMap<>();
        memberships(roomId).values().forEach(m -> out.merge(m, 1L, Long::sum));
        return out;
    }

    @Override
    public synchronized List<String> someMembers(String roomId, Collection<String> wanted, String except,
                                                 int limit) {
        return memberships(roomId).entrySet().stream().filter(e -> wanted.contains(e.getValue()))
                .map(Map.Entry::getKey).filter(u -> !u.equals(except)).sorted().limit(limit).toList();
    }

    @Override
    public synchronized List<io.zhihang.application.port.out.room.UserMembership> membershipsOf(String userId) {
        List<io.zhihang.application.port.out.room.UserMembership> out = new java.util.ArrayList<>();
        rooms.forEach((roomId, entries) -> {
            Entry entry = entries.get(StateKey.member(userId));
            if (entry != null && entry.membership() != null) {
                out.add(new io.zhihang.application.port.out.room.UserMembership(roomId, entry.membership(),
                        entry.eventId()));
            }
        });
        return out;
    }

    @Override
    public synchronized Optional<String> membership(String roomId, String userId) {
        return Optional.ofNullable(room(roomId).get(StateKey.member(userId))).map(Entry::membership);
    }

    @Override
    public synchronized Set<String> roomMates(String userId) {
        Set<String> mates = new TreeSet<>();
        for (String roomId : roomsWith(userId, "join")) {
            memberships(roomId).forEach((member, membership) -> {
                if ("join".equals(membership)) {
                    mates.add(member);
                }
            });
        }
        return mates;
    }

    @Override
    public synchronized boolean shareARoom(String userId, String otherUserId) {
        return roomsWith(userId, "join").stream().anyMatch(roomsWith(otherUserId, "join")::contains);
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
