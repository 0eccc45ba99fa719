package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.HistoryFilter;
import io.zhihang.application.service.room.PastState;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.application.service.room.StreamToken;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One room's timeline and state for a sync: the latest events in the window (at most the filter's limit, and
 * {@code limited} when more were left out), and the state the client needs before the timeline's first event: all of
 * it for a room new to the client, else what changed in the gap a limited timeline leaves.
 */
@ApplicationScoped
public class RoomTimelineReader {
    private final EventStore events;
    private final RoomAccess access;
    private final HistoryFilter history;
    private final ClientEvents clientEvents;
    private final RoomStateStore state;
    private final PastState pastState;

    public RoomTimelineReader(EventStore events, RoomAccess access, HistoryFilter history, ClientEvents clientEvents,
                              RoomStateStore state, PastState pastState) {
        this.pastState = pastState;
        this.state = state;
        this.events = events;
        this.access = access;
        this.history = history;
        this.clientEvents = clientEvents;
    }

    /** A room's part of the sync before formatting: raw events, so callers can add to the state. */
    record Window(List<StoredEvent> timeline, boolean limited, String prevBatch, Map<StateKey, String> stateIds,
                  List<StoredEvent> page) {
    }

    /**
     * @param since    the position the client has (exclusive), or 0 with {@code full}
     * @param upTo     the sync's position (inclusive)
     * @param full     the client has nothing of this room: send the whole state
     * @param joinedAt the ordering of the user's current join event, or -1 if they are not joined
     * @param members  with lazy-loaded members: the members to send besides the timeline's senders; null: all
     */
    Window window(String userId, String roomId, long since, long upTo, boolean full, SyncFilter filter,
                  long joinedAt, Set<String> members) {
        int limit = filter.timelineLimit();
        Long bound = full ? null : since;
        List<StoredEvent> newestFirst = limit == 0 ? List.of()
                : events.page(roomId, upTo + 1, bound, EventStore.Direction.BACKWARDS, limit + 1);
        boolean limited = newestFirst.size() > limit;
        List<StoredEvent> page = new ArrayList<>(limited ? newestFirst.subList(0, limit) : newestFirst);
        java.util.Collections.reverse(page);
        List<StoredEvent> visible = shown(userId, roomId, page, filter, joinedAt);
        if (limit == 0) {
            limited = events.page(roomId, upTo + 1, bound, EventStore.Direction.BACKWARDS, 1).size() == 1;
        } else if (limited && visible.size() < limit && !filter.timeline().blocksAll()) {
            Filled filled = fill(userId, roomId, page, visible, bound, filter, joinedAt);
            page = filled.page();
            visible = filled.visible();
            limited = filled.limited();
        }
        long first = page.isEmpty() ? upTo : page.getFirst().streamOrdering() - 1;
        String prevBatch = StreamToken.format(first);
        Set<String> wantedMembers = null;
        if (members != null) {
            wantedMembers = new HashSet<>(members);
            for (StoredEvent e : visible) {
                wantedMembers.add(e.pdu().sender());
            }
        }
        // The state is the state at the start of the timeline the client gets: events the filter or the history
        // visibility left out are not in the timeline, so what they changed is told in the state (as Synapse does).
        long timelineStart = visible.isEmpty() ? upTo : visible.getFirst().streamOrdering() - 1;
        Map<StateKey, String> state = full ? stateBefore(roomId, timelineStart + 1, wantedMembers)
                : gapState(roomId, since, timelineStart + 1, wantedMembers, limited);
        Set<String> inTimeline = new HashSet<>();
        visible.forEach(e -> inTimeline.add(e.pdu().eventId()));
        Map<StateKey, String> filtered = new LinkedHashMap<>();
        state.forEach((key, id) -> {
            if (!inTimeline.contains(id)) {
                filtered.put(key, id);
            }
        });
        return new Window(visible, limited, prevBatch, filtered, page);
    }

    /** How many more pages a filtered timeline reads to reach its limit, as Synapse ({@code max_repeat}). */
    private static final int FILL_PAGES = 5;

    /** A timeline read further back: the events read (ascending, up to the sync's position), those shown, and more. */
    record Filled(List<StoredEvent> page, List<StoredEvent> visible, boolean limited) {
    }

    /**
     * Reads further back while the filter and the history visibility leave fewer events than the limit (Synapse's
     * {@code _load_filtered_recents}: pages of twice the limit, at least 10, at most five more), then keeps the
     * latest {@code limit} shown events; {@code limited} when events were left out before them.
     *
     * @param page    the events read so far, ascending
     * @param visible the events of {@code page} shown
     * @param bound   the position the client has (exclusive), or null to read back to the room's start
     */
    Filled fill(String userId, String roomId, List<StoredEvent> page, List<StoredEvent> visible, Long bound,
                SyncFilter filter, long joinedAt) {
        int limit = filter.timelineLimit();
        int pageSize = Math.max(limit * 2, 10);
        List<StoredEvent> read = new ArrayList<>(page);
        List<StoredEvent> shown = new ArrayList<>(visible);
        boolean more = true;
        for (int round = 0; round < FILL_PAGES && more && shown.size() < limit && !read.isEmpty(); round++) {
            List<StoredEvent> older = events.page(roomId, read.getFirst().streamOrdering(), bound,
                    EventStore.Direction.BACKWARDS, pageSize + 1);
            more = older.size() > pageSize;
            List<StoredEvent> ascending = new ArrayList<>(more ? older.subList(0, pageSize) : older);
            java.util.Collections.reverse(ascending);
            read.addAll(0, ascending);
            shown.addAll(0, shown(userId, roomId, ascending, filter, joinedAt));
        }
        if (shown.size() > limit) {
            shown = new ArrayList<>(shown.subList(shown.size() - limit, shown.size()));
            more = true;
        }
        if (more && !shown.isEmpty()) {
            long start = shown.getFirst().streamOrdering();
            read = read.stream().filter(e -> e.streamOrdering() >= start).toList();
        }
        return new Filled(List.copyOf(read), List.copyOf(shown), more);
    }

    /**
     * The events of {@code page} the user sees in the timeline: those the history visibility lets them see, and, for
     * a member, any that are part of the room's current state (Synapse's {@code always_include_ids}: a member must
     * learn the current state, even set while they could not see the room), then those the filter lets through.
     */
    List<StoredEvent> shown(String userId, String roomId, List<StoredEvent> page, SyncFilter filter, long joinedAt) {
        List<StoredEvent> allowed = joinedAt >= 0 ? history.visibleToJoined(roomId, userId, page, joinedAt)
                : history.visible(roomId, userId, page);
        if (joinedAt >= 0 && allowed.size() < page.size()) {
            allowed = withCurrentState(roomId, page, allowed);
        }
        return allowed.stream().filter(e -> filter.timelineShows(e.pdu())).toList();
    }

    /** {@code allowed} with the events of {@code page} it left out that are part of the room's current state. */
    List<StoredEvent> withCurrentState(String roomId, List<StoredEvent> page, List<StoredEvent> allowed) {
        Set<String> kept = new HashSet<>();
        allowed.forEach(e -> kept.add(e.pdu().eventId()));
        if (page.stream().noneMatch(e -> e.pdu().isState() && !kept.contains(e.pdu().eventId()))) {
            return allowed;
        }
        Set<String> current = new HashSet<>(access.currentState(roomId).values());
        return page.stream().filter(e -> kept.contains(e.pdu().eventId())
                || (e.pdu().isState() && current.contains(e.pdu().eventId()))).toList();
    }

    /**
     * The room's state just before stream position {@code before}: the current state, with every piece set at or
     * after {@code before} (in the timeline, or after the sync's position, or after the user left) wound back.
     */
    private Map<StateKey, String> stateBefore(String roomId, long before, Set<String> members) {
        Map<StateKey, String> current = members == null ? access.currentState(roomId)
                : this.state.currentWithMembers(roomId, members);
        return pastState.windBack(roomId, current, before - 1, key -> wanted(key, members));
    }

    /** The latest value of each piece of state set in the gap ({@code since}, {@code before}). */
    private Map<StateKey, String> gapState(String roomId, long since, long before, Set<String> members,
                                           boolean limited) {
        Map<StateKey, String> changed = new LinkedHashMap<>();
        // Every change in the gap, members too when lazy-loading: the client cannot learn them otherwise (Synapse).
        for (StoredEvent e : limited ? events.stateEventsBetween(roomId, since, before) : List.<StoredEvent>of()) {
            changed.put(StateKey.of(e.pdu()), e.pdu().eventId());
        }
        if (members != null && !members.isEmpty()) {
            // Lazy loading: the timeline's senders must be known to the client even if they joined long ago.
            Map<StateKey, String> current = state.currentWithMembers(roomId, members);
            for (String member : members) {
                StateKey key = StateKey.member(member);
                String id = current.get(key);
                if (id != null) {
                    changed.putIfAbsent(key, id);
                }
            }
        }
        return changed;
    }

    private static boolean wanted(StateKey key, Set<String> members) {
        return members == null || !key.type().equals("m.room.member") || members.contains(key.stateKey());
    }

    /**
     * Formats a window: the timeline with bundled relations and, on the caller's own events, the transaction id they
     * were sent with; state events as given.
     */
    SyncResult.Timeline timeline(String userId, String roomId, Window window, Map<String, String> txnIds) {
        // The page is the room's latest events up to the sync's position: its bundles need no query.
        List<JsonObject> formatted = clientEvents.formatSuffixes(userId, Map.of(roomId, window.timeline()),
                Map.of(roomId, window.page()), false).get(roomId);
        return new SyncResult.Timeline(withTxnIds(formatted, txnIds), window.limited(), window.prevBatch());
    }

    List<JsonObject> state(String roomId, Collection<String> eventIds) {
        return clientEvents.formatIds(roomId, eventIds.stream().filter(Objects::nonNull).distinct().toList(), false);
    }

    /** The caller's own events with the transaction id they were sent with ({@code unsigned.transaction_id}). */
    static List<JsonObject> withTxnIds(List<JsonObject> events, Map<String, String> txnIds) {
        return txnIds.isEmpty() ? events : events.stream().map(e -> withTxnId(e, txnIds)).toList();
    }

    private static JsonObject withTxnId(JsonObject event, Map<String, String> txnIds) {
        String txnId = event.string("event_id").map(txnIds::get).orElse(null);
        if (txnId == null) {
            return event;
        }
        JsonObject unsigned = event.object("unsigned").orElse(JsonObject.EMPTY);
        return event.with("unsigned", unsigned.with("transaction_id", new JsonString(txnId)));
    }
}
