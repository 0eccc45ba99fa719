package io.zhihang.application.port.out.room;

import io.zhihang.domain.room.StateKey;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The current state of rooms: (type, state_key) → event id, with memberships indexed for membership queries. */
public interface RoomStateStore {
    Map<StateKey, String> current(String roomId);

    void put(String roomId, StateKey key, String eventId, String membership);

    /** Rooms in which {@code userId}'s current membership is {@code membership}. */
    List<String> roomsWith(String userId, String membership);

    /** The room's current state without member events, but for the members named (lazy-loading members). */
    Map<StateKey, String> currentWithMembers(String roomId, Collection<String> members);

    /** Several rooms' current state without member events: room id → key → event id (one query in adapters). */
    default Map<String, Map<StateKey, String>> nonMemberStates(Collection<String> roomIds) {
        Map<String, Map<StateKey, String>> out = new java.util.LinkedHashMap<>();
        roomIds.forEach(roomId -> out.put(roomId, currentWithMembers(roomId, List.of())));
        return out;
    }

    /** The current member events of the given users in the given rooms: room id → key → event id. */
    default Map<String, Map<StateKey, String>> memberStates(Map<String, ? extends Collection<String>> usersByRoom) {
        Map<String, Map<StateKey, String>> out = new java.util.LinkedHashMap<>();
        usersByRoom.forEach((roomId, users) -> {
            Map<StateKey, String> members = new java.util.LinkedHashMap<>();
            Map<StateKey, String> current = current(roomId);
            for (String user : users) {
                String id = current.get(StateKey.member(user));
                if (id != null) {
                    members.put(StateKey.member(user), id);
                }
            }
            out.put(roomId, members);
        });
        return out;
    }

    /** Several rooms' whole current state: room id → key → event id. */
    default Map<String, Map<StateKey, String>> currentStates(Collection<String> roomIds) {
        Map<String, Map<StateKey, String>> out = new java.util.LinkedHashMap<>();
        roomIds.forEach(roomId -> out.put(roomId, current(roomId)));
        return out;
    }

    /** {@link #membershipCounts(String)} for several rooms: room id → membership → count. */
    default Map<String, Map<String, Long>> membershipCounts(Collection<String> roomIds) {
        Map<String, Map<String, Long>> out = new java.util.LinkedHashMap<>();
        roomIds.forEach(roomId -> out.put(roomId, membershipCounts(roomId)));
        return out;
    }

    /** Membership → how many members of the room have it now. */
    Map<String, Long> membershipCounts(String roomId);

    /** Up to {@code limit} members of the room with one of {@code memberships}, other than {@code except}, by id. */
    List<String> someMembers(String roomId, Collection<String> memberships, String except, int limit);

    /** The user's current membership in every room with a member event of theirs. */
    List<UserMembership> membershipsOf(String userId);

    /** The user's current membership in the room (one indexed lookup); empty if none, or the room is unknown. */
    Optional<String> membership(String roomId, String userId);

    /** The users joined to at least one room {@code userId} is joined to, {@code userId} included if joined anywhere. */
    Set<String> roomMates(String userId);

    /** Whether the two users are both joined to some room. */
    boolean shareARoom(String userId, String otherUserId);

    /** user id → membership of every member event in the room's current state. */
    Map<String, String> memberships(String roomId);

    /** Room-wide state (empty state key) of the given types in several rooms: room id → type → event id. */
    Map<String, Map<String, String>> roomWideState(Collection<String> roomIds, Collection<String> types);

    /** Room id → number of joined members, for those of the rooms that have any. */
    Map<String, Long> joinedCounts(Collection<String> roomIds);
}
