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
