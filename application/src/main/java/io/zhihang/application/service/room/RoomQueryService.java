package io.zhihang.application.service.room;

import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.domain.userdata.IgnoredUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of rooms. A room's inside is visible to its joined members. */
@ApplicationScoped
public class RoomQueryService implements RoomQueries {
    private static final int MAX_LIMIT = 1000;

    private final RoomAccess access;
    private final RoomStateStore state;
    private final EventStore events;
    private final ClientEvents clientEvents;
    private final HistoryFilter history;
    private final IgnoreLists ignoreLists;
    private final PastState pastState;

    public RoomQueryService(RoomAccess access, RoomStateStore state, EventStore events, ClientEvents clientEvents,
                            HistoryFilter history, IgnoreLists ignoreLists, PastState pastState) {
        this.pastState = pastState;
        this.access = access;
        this.state = state;
        this.events = events;
        this.clientEvents = clientEvents;
        this.history = history;
        this.ignoreLists = ignoreLists;
    }

    @Override
    @Transactional
    public List<String> joinedRooms(Requester requester) {
        return state.roomsWith(requester.userId().toString(), "join");
    }

    @Override
    @Transactional
    public List<String> joinedRooms(Requester requester, UserId user) {
        if (!requester.userId().equals(user) && !requester.admin()) {
            throw DomainException.forbidden("You may only list your own rooms");
        }
        return state.roomsWith(user.toString(), "join");
    }

    @Override
    @Transactional
    public List<JsonObject> state(Requester requester, String roomId) {
        return clientEvents.formatIds(roomId, List.copyOf(visibleState(requester, roomId).values()), true);
    }

    /**
     * The state a user may read, as Synapse gives it ({@code allow_departed_users}): a member reads the current
     * state; one who left or was banned reads the state as it was right after their leave (their own leave
     * included), never what changed since; anyone else reads the current state of a world-readable room (peeking)
     * and is refused elsewhere.
     */
    private Map<StateKey, String> visibleState(Requester requester, String roomId) {
        String userId = requester.userId().toString();
        String membership = access.membership(roomId, userId).orElse(null);
        if ("join".equals(membership)) {
            return state.current(roomId);
        }
        if (!"leave".equals(membership) && !"ban".equals(membership)) {
            if (history.isWorldReadable(roomId)) {
                return state.current(roomId);
            }
            access.ensureJoined(roomId, userId);
        }
        Map<StateKey, String> current = state.current(roomId);
        long leftAt = events.find(current.get(StateKey.member(userId))).orElseThrow().streamOrdering();
        return pastState.windBack(roomId, current, leftAt, key -> true);
    }

    @Override
    @Transactional
    public JsonObject stateContent(Requester requester, String roomId, String type, String stateKey) {
        return currentStateEvent(requester, roomId, type, stateKey, false).object("content")
                .orElse(JsonObject.EMPTY);
    }

    @Override
    @Transactional
    public JsonObject stateEvent(Requester requester, String roomId, String type, String stateKey) {
        return currentStateEvent(requester, roomId, type, stateKey, true);
    }

    private JsonObject currentStateEvent(Requester requester, String roomId, String type, String stateKey,
                                         boolean withRoomId) {
        String eventId = visibleState(requester, roomId).get(new StateKey(type, stateKey == null ? "" : stateKey));
        if (eventId == null) {
            throw DomainException.notFound("Event not found.");
        }
        StoredEvent stored = events.find(eventId).orElseThrow();
        return clientEvents.format(roomId, stored, withRoomId);
    }

    @Override
    @Transactional
    public List<JsonObject> members(Requester requester, String roomId, String membership, String notMembership) {
        String userId = requester.userId().toString();
        if (!"join".equals(access.membership(roomId, userId).orElse(null))) {
            // A departed member: the member events as they were when they left (a peeker: as they are now).
            List<String> ids = visibleState(requester, roomId).entrySet().stream()
                    .filter(e -> e.getKey().type().equals("m.room.member")).map(Map.Entry::getValue).toList();
            return clientEvents.formatIds(roomId, ids, true).stream().filter(event -> {
                String m = event.object("content").flatMap(c -> c.string("membership")).orElse(null);
                return (membership == null || membership.equals(m)) && (notMembership == null || !notMembership.equals(m));
            }).toList();
        }
        Map<StateKey, String> current = state.current(roomId);
        List<String> ids = state.memberships(roomId).entrySet().stream()
                .filter(e -> membership == null || membership.equals(e.getValue()))
                .filter(e -> notMembership == null || !notMembership.equals(e.getValue()))
                .map(e -> current.get(StateKey.member(e.getKey())))
                .toList();
        return clientEvents.formatIds(roomId, ids, true);
    }

    @Override
    @Transactional
    public List<JsonObject> members(Requester requester, String roomId, String membership, String notMembership,
                                    String at) {
        if (at == null) {
            return members(requester, roomId, membership, notMembership);
        }
        long position = StreamToken.parse(at);
        access.ensureJoined(roomId, requester.userId().toString());
        List<StateKey> keys = state.memberships(roomId).keySet().stream().map(StateKey::member).toList();
        // Every member key the room ever had is in its current state (leaves stay): wind each back to the token.
        List<StoredEvent> then = events.latestStates(roomId, keys, position).values().stream()
                .sorted(java.util.Comparator.comparingLong(StoredEvent::streamOrdering))
                .filter(e -> {
                    String m = e.pdu().content().string("membership").orElse(null);
                    return (membership == null || membership.equals(m))
                            && (notMembership == null || !notMembership.equals(m));
                })
                .toList();
        return clientEvents.format(roomId, then, true);
    }

    @Override
    @Transactional
    public Map<String, JsonObject> joinedMembers(Requester requester, String roomId) {
        Map<String, JsonObject> joined = new LinkedHashMap<>();
        for (JsonObject member : members(requester, roomId, "join", null)) {
            JsonObject content = member.object("content").orElse(JsonObject.EMPTY);
            JsonObject.Builder profile = JsonObject.builder();
            content.get("displayname").ifPresent(v -> profile.put("display_name", v));
            content.get("avatar_url").ifPresent(v -> profile.put("avatar_url", v));
            joined.put(member.string("state_key").orElseThrow(), profile.build());
        }
        return joined;
    }

    @Override
    @Transactional
    public JsonObject event(Requester requester, String roomId, String eventId) {
        String userId = requester.userId().toString();
        if (!history.mayRead(roomId, userId)) {
            // Synapse's answer: an event one may not see is not found, whether or not one may read the room.
            throw DomainException.notFound("Event not found.");
        }
        StoredEvent stored = events.find(eventId).filter(e -> e.pdu().roomId().equals(roomId))
                .filter(e -> !history.visible(roomId, userId, List.of(e)).isEmpty())
                .filter(e -> !ignoreLists.of(userId).hides(e.pdu()))
                .orElseThrow(() -> DomainException.notFound("Event not found."));
        return clientEvents.formatFor(requester.userId().toString(), roomId, List.of(stored), true).getFirst();
    }

    @Override
    @Transactional
    public MessagesPage messages(Requester requester, String roomId, String from, String to, boolean backwards,
                                 int limit, RoomEventFilter filter) {
        String userId = requester.userId().toString();
        ensureMayRead(roomId, userId);
        int size = Math.min(limit, MAX_LIMIT);
        // A token is a stream position: the events at or before it lie behind it.
        StreamWindow window = StreamWindow.of(from, to, backwards, () -> events.latestOrdering(roomId));
        String start = StreamToken.format(window.position());
        if (size == 0) {
            return new MessagesPage(List.of(), start, start, List.of());
        }
        List<StoredEvent> chunk = events.page(roomId, window.from(), window.to(), window.direction(), size);
        String end = chunk.size() < size ? null : window.tokenAfter(chunk.getLast());
        IgnoredUsers ignored = chunk.isEmpty() ? IgnoredUsers.NONE : ignoreLists.of(userId);
        List<StoredEvent> shown = history.visible(roomId, userId, chunk).stream()
                .filter(e -> !ignored.hides(e.pdu()) && filter.matches(e.pdu())).toList();
        List<JsonObject> state = filter.lazyLoadMembers() ? senderMembers(roomId, shown) : List.of();
        return new MessagesPage(clientEvents.formatFor(userId, roomId, shown, true), start, end, state);
    }

    /** Lazy-loading members: the current member events of the page's senders. */
    private List<JsonObject> senderMembers(String roomId, List<StoredEvent> page) {
        Map<StateKey, String> current = state.current(roomId);
        List<String> ids = page.stream().map(e -> e.pdu().sender()).distinct()
                .map(sender -> current.get(StateKey.member(sender))).filter(java.util.Objects::nonNull).toList();
        return clientEvents.formatIds(roomId, ids, true);
    }

    private void ensureMayRead(String roomId, String userId) {
        if (!history.mayRead(roomId, userId)) {
            throw DomainException.forbidden("You are not allowed to read this room");
        }
    }
}
