package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.room.TxnIdStore;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.room.StreamToken;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every joined room of an initial (or {@code full_state}) sync, read in a fixed number of batched queries rather than
 * a dozen per room: the timelines (one ranked query), the non-member state, the needed member events, the member
 * counts, the state wound back to each timeline's start and the history checks (one query for all rooms), the state
 * events and the transaction ids. Only bundled relations are still read room by room.
 * Same result as {@link RoomTimelineReader} with {@code full}.
 */
@ApplicationScoped
public class InitialJoinedRooms {
    private static final String MEMBER = "m.room.member";

    private final EventStore events;
    private final RoomStateStore state;
    private final TxnIdStore txnIds;
    private final HistoryFilter history;
    private final ClientEvents clientEvents;
    private final io.zhihang.application.service.room.RoomAccess access;
    private final java.time.InstantSource clock;
    private final RoomSummaries summaries;
    private final RoomTimelineReader timelines;

    public InitialJoinedRooms(EventStore events, RoomStateStore state, TxnIdStore txnIds, HistoryFilter history,
                              ClientEvents clientEvents, io.zhihang.application.service.room.RoomAccess access,
                              java.time.InstantSource clock, RoomSummaries summaries, RoomTimelineReader timelines) {
        this.summaries = summaries;
        this.timelines = timelines;
        this.access = access;
        this.clock = clock;
        this.events = events;
        this.state = state;
        this.txnIds = txnIds;
        this.history = history;
        this.clientEvents = clientEvents;
    }

    /** One room while it is being read. */
    private static final class Room {
        final String roomId;
        final long joinedAt;
        List<StoredEvent> page = List.of();
        boolean limited;
        long first;
        List<StoredEvent> visible = List.of();
        SyncResult.Summary summary;
        Set<String> members;
        Map<StateKey, String> stateIds = new LinkedHashMap<>();

        Room(String roomId, long joinedAt) {
            this.roomId = roomId;
            this.joinedAt = joinedAt;
        }
    }

    /**
     * @param joinedAt room id → the stream ordering of the user's current (join) member event
     * @param lazy     the lazy-loaded members cache of this device (already reset: this is a full read)
     */
    Map<String, SyncResult.JoinedRoom> read(Requester requester, String device, Map<String, Long> joinedAt,
                                            SyncToken now, SyncFilter filter, LazyMemberCache lazy) {
        String userId = requester.userId().toString();
        long upTo = now.events();
        List<Room> rooms = new ArrayList<>();
        joinedAt.forEach((roomId, at) -> rooms.add(new Room(roomId, at)));
        if (rooms.isEmpty()) {
            return Map.of();
        }
        Set<String> roomIds = joinedAt.keySet();
        int limit = filter.timelineLimit();
        Map<String, List<StoredEvent>> pages = events.latestPerRoom(roomIds, upTo, Math.max(limit, 0) + 1);
        for (Room room : rooms) {
            List<StoredEvent> newestFirst = pages.getOrDefault(room.roomId, List.of());
            room.limited = newestFirst.size() > limit;
            List<StoredEvent> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
            Collections.reverse(page);
            room.page = page;
            room.first = page.isEmpty() ? upTo : page.getFirst().streamOrdering() - 1;
        }

        // The state wound back to each timeline's start needs the values before it of the keys set since; the
        // history check of a timeline reaching back before the user's join needs two more keys. One query for all.
        Map<String, Map<StateKey, String>> current = currentStates(rooms, roomIds, userId, filter);
        Map<String, Set<StateKey>> rewind = new HashMap<>();
        Map<String, Long> bounds = new HashMap<>();
        for (StoredEvent later : events.stateEventsAfter(roomIds, upTo)) {
            rewind.computeIfAbsent(later.pdu().roomId(), r -> new LinkedHashSet<>()).add(StateKey.of(later.pdu()));
        }
        for (Room room : rooms) {
            Set<StateKey> keys = rewind.computeIfAbsent(room.roomId, r -> new LinkedHashSet<>());
            room.page.stream().filter(e -> e.pdu().isState()).forEach(e -> keys.add(StateKey.of(e.pdu())));
            if (needsHistoryCheck(room)) {
                keys.addAll(HistoryFilter.keysBefore(userId));
            }
            bounds.put(room.roomId, room.first);
        }
        Map<String, Map<StateKey, StoredEvent>> before = events.latestStates(rewind, bounds);

        for (Room room : rooms) {
            Map<StateKey, StoredEvent> prior = before.getOrDefault(room.roomId, Map.of());
            List<StoredEvent> visible = room.page;
            if (needsHistoryCheck(room)) {
                List<StateKey> keys = HistoryFilter.keysBefore(userId);
                visible = history.visibleToJoinedGiven(userId, room.page, prior.get(keys.get(0)),
                        prior.get(keys.get(1)));
            }
            if (visible.size() < room.page.size()) {
                visible = timelines.withCurrentState(room.roomId, room.page, visible);
            }
            room.visible = visible.stream().filter(e -> filter.timelineShows(e.pdu())).toList();
            if (readsAlone(room, limit, filter)) {
                readAlone(room, userId, device, upTo, filter, lazy);
                continue;
            }
            if (filter.lazyLoadMembers()) {
                room.members.add(userId);
                room.visible.forEach(e -> room.members.add(e.pdu().sender()));
            }
            Map<StateKey, String> stateMap = new LinkedHashMap<>(current.get(room.roomId));
            for (StateKey key : rewind.getOrDefault(room.roomId, Set.of())) {
                if (key.type().equals(MEMBER) && room.members != null && !room.members.contains(key.stateKey())) {
                    continue;
                }
                StoredEvent was = prior.get(key);
                if (was == null) {
                    stateMap.remove(key);
                } else {
                    stateMap.put(key, was.pdu().eventId());
                }
            }
            keepState(room, stateMap, device, filter, lazy);
        }
        return assemble(requester, rooms, filter);
    }

    /**
     * Whether the batch's page is not the room's timeline: the filter or the history visibility left out its first
     * event (the state must then be the state at the first event shown), or left fewer events than the limit while
     * there are more (the timeline reads further back). Such rooms are read on their own, as incremental syncs are.
     */
    private static boolean readsAlone(Room room, int limit, SyncFilter filter) {
        if (room.page.isEmpty()) {
            return false;
        }
        return (room.limited && room.visible.size() < limit && !filter.timeline().blocksAll()) || room.visible.isEmpty()
                || !room.visible.getFirst().pdu().eventId().equals(room.page.getFirst().pdu().eventId());
    }

    private void readAlone(Room room, String userId, String device, long upTo, SyncFilter filter,
                           LazyMemberCache lazy) {
        Set<String> members = null;
        if (filter.lazyLoadMembers()) {
            members = new LinkedHashSet<>();
            members.add(userId);
            if (room.summary.heroes() != null) {
                members.addAll(room.summary.heroes());
            }
        }
        RoomTimelineReader.Window window = timelines.window(userId, room.roomId, 0, upTo, true, filter,
                room.joinedAt, members);
        room.visible = window.timeline();
        room.page = window.page();
        room.limited = window.limited();
        room.first = room.page.isEmpty() ? upTo : room.page.getFirst().streamOrdering() - 1;
        if (members != null) {
            room.members = members;
            room.visible.forEach(e -> room.members.add(e.pdu().sender()));
        }
        keepState(room, window.stateIds(), device, filter, lazy);
    }

    /**
     * The state a room's answer carries: {@code stateMap} without the events in its timeline and, when lazy-loading
     * members, without the members its timeline does not need or the device already has.
     */
    private static void keepState(Room room, Map<StateKey, String> stateMap, String device, SyncFilter filter,
                                  LazyMemberCache lazy) {
        Set<String> inTimeline = new HashSet<>();
        room.visible.forEach(e -> inTimeline.add(e.pdu().eventId()));
        stateMap.forEach((key, id) -> {
            boolean member = key.type().equals(MEMBER);
            if (inTimeline.contains(id)) {
                return;
            }
            if (filter.lazyLoadMembers() && member && (!room.members.contains(key.stateKey())
                    || (!filter.redundantMembers() && lazy.alreadySent(device, id)))) {
                return;
            }
            room.stateIds.put(key, id);
        });
        if (filter.lazyLoadMembers()) {
            room.visible.stream().filter(e -> e.pdu().type().equals(MEMBER))
                    .forEach(e -> lazy.alreadySent(device, e.pdu().eventId()));
        }
    }

    private static boolean needsHistoryCheck(Room room) {
        return room.page.stream().anyMatch(e -> e.streamOrdering() < room.joinedAt);
    }

    /**
     * Current state per room: all of it, or with lazy-loaded members the non-member state and the member events of
     * the user, the heroes and the timelines' senders (summaries are made on the way).
     */
    private Map<String, Map<StateKey, String>> currentStates(List<Room> rooms, Set<String> roomIds, String userId,
                                                             SyncFilter filter) {
        if (!filter.lazyLoadMembers()) {
            return state.currentStates(roomIds);
        }
        Map<String, Map<StateKey, String>> nonMember = state.nonMemberStates(roomIds);
        Map<String, SyncResult.Summary> summaries = this.summaries.summaries(roomIds, userId, nonMember);
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (Room room : rooms) {
            room.summary = summaries.get(room.roomId);
            room.members = new LinkedHashSet<>();
            room.members.add(userId);
            if (room.summary.heroes() != null) {
                room.members.addAll(room.summary.heroes());
            }
            room.page.forEach(e -> room.members.add(e.pdu().sender()));
            wanted.put(room.roomId, room.members);
        }
        Map<String, Map<StateKey, String>> members = state.memberStates(wanted);
        Map<String, Map<StateKey, String>> out = new LinkedHashMap<>();
        for (Room room : rooms) {
            Map<StateKey, String> merged = new LinkedHashMap<>(nonMember.getOrDefault(room.roomId, Map.of()));
            merged.putAll(members.getOrDefault(room.roomId, Map.of()));
            out.put(room.roomId, merged);
        }
        return out;
    }

    private Map<String, SyncResult.JoinedRoom> assemble(Requester requester, List<Room> rooms, SyncFilter filter) {
        String userId = requester.userId().toString();
        Set<String> stateIds = new HashSet<>();
        List<String> own = new ArrayList<>();
        for (Room room : rooms) {
            stateIds.addAll(room.stateIds.values());
            room.visible.stream().filter(e -> e.pdu().sender().equals(userId)).forEach(e -> own.add(e.pdu().eventId()));
        }
        Map<String, StoredEvent> stateEvents = new HashMap<>();
        events.findAll(stateIds).forEach(e -> stateEvents.put(e.pdu().eventId(), e));
        Map<String, String> txns = own.isEmpty() ? Map.of()
                : txnIds.txnIdsOf(requester.userId(), requester.deviceId(), own);
        Map<String, List<StoredEvent>> pages = new LinkedHashMap<>();
        Map<String, List<StoredEvent>> suffixes = new LinkedHashMap<>();
        rooms.forEach(room -> {
            pages.put(room.roomId, room.visible);
            suffixes.put(room.roomId, room.page);
        });
        boolean federation = filter.federationFormat();
        long nowMillis = clock.millis();
        Map<String, List<JsonObject>> timelines = new LinkedHashMap<>();
        if (federation) {
            pages.forEach((roomId, page) -> timelines.put(roomId,
                    FederationFormat.of(page, access.version(roomId), nowMillis)));
        } else {
            timelines.putAll(clientEvents.formatSuffixes(userId, pages, suffixes, false));
        }
        Map<String, SyncResult.JoinedRoom> out = new LinkedHashMap<>();
        for (Room room : rooms) {
            List<StoredEvent> stored = room.stateIds.values().stream().map(stateEvents::get)
                    .filter(java.util.Objects::nonNull).toList();
            List<JsonObject> stateJson = (federation
                    ? FederationFormat.of(stored, access.version(room.roomId), nowMillis)
                    : clientEvents.format(room.roomId, stored, false)).stream()
                    .filter(e -> filter.state().matches(e, room.roomId)).toList();
            List<JsonObject> timeline = timelines.getOrDefault(room.roomId, List.of());
            timeline = RoomTimelineReader.withTxnIds(timeline, txns);
            out.put(room.roomId, new SyncResult.JoinedRoom(new SyncResult.Timeline(timeline, room.limited,
                    StreamToken.format(room.first)), stateJson, List.of(), List.of(), SyncResult.Counts.ZERO,
                    Map.of(), filter.lazyLoadMembers() ? room.summary : null));
        }
        return out;
    }
}
