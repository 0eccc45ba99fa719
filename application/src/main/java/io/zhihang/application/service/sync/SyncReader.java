package io.zhihang.application.service.sync;

import io.zhihang.application.service.stream.MembershipCache;
import io.zhihang.application.service.stream.RoomStream;
import io.zhihang.application.port.in.keys.KeyQueries;
import io.zhihang.application.port.in.push.NotificationCounts;
import io.zhihang.application.port.in.push.NotificationQueries;
import io.zhihang.application.port.in.push.RoomUnreadCounts;
import io.zhihang.application.port.in.push.UnreadCounts;
import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.in.todevice.ToDeviceBatch;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.application.port.out.room.TxnIdStore;
import io.zhihang.application.port.out.room.UserMembership;
import io.zhihang.application.service.room.IgnoreLists;
import io.zhihang.application.service.room.RoomAccess;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.keys.KeyCounts;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.room.StateKey;
import io.zhihang.domain.userdata.IgnoredUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one sync response in one read-only transaction: the rooms that changed for the user between two tokens
 * (all of them when there is no earlier token), each with its timeline, state and extras. Cost follows what
 * changed: an incremental sync looks only at rooms the change cache names.
 */
@ApplicationScoped
public class SyncReader {
    private final RoomStateStore state;
    private final EventStore events;
    private final TxnIdStore txnIds;
    private final RoomAccess access;
    private final RoomStream stream;
    private final RoomTimelineReader timelines;
    private final RoomSummaries summaries;
    private final LazyMemberCache lazyMembers = new LazyMemberCache();
    private final SyncExtrasReader extrasReader;
    private final NotificationQueries notifications;
    private final InitialJoinedRooms initialRooms;
    private final UserMemberships userMemberships;
    private final SyncDeviceLists deviceLists;
    private final java.time.InstantSource clock;
    private final io.zhihang.application.port.out.ReadOnlyWork readOnlyWork;
    private final KeyQueries keys;
    private final IgnoreLists ignoreLists;

    public SyncReader(RoomStateStore state, EventStore events, TxnIdStore txnIds, RoomAccess access,
                      RoomStream stream, RoomTimelineReader timelines, RoomSummaries summaries,
                      SyncExtrasReader extrasReader, NotificationQueries notifications,
                      InitialJoinedRooms initialRooms, UserMemberships userMemberships,
                      SyncDeviceLists deviceLists,
                      java.time.InstantSource clock, io.zhihang.application.port.out.ReadOnlyWork readOnlyWork,
                      KeyQueries keys, IgnoreLists ignoreLists) {
        this.keys = keys;
        this.ignoreLists = ignoreLists;
        this.readOnlyWork = readOnlyWork;
        this.clock = clock;
        this.userMemberships = userMemberships;
        this.deviceLists = deviceLists;
        this.initialRooms = initialRooms;
        this.notifications = notifications;
        this.extrasReader = extrasReader;
        this.state = state;
        this.events = events;
        this.txnIds = txnIds;
        this.access = access;
        this.stream = stream;
        this.timelines = timelines;
        this.summaries = summaries;
    }

    /** A response, and the rooms it looked at (a long-poll that found nothing waits on them). */
    public record Outcome(SyncResult result, Set<String> rooms) {
    }

    /**
     * @param since null for an initial sync
     * @param now   the positions this response reads up to (its {@code next_batch})
     */
    @Transactional
    public Outcome read(Requester requester, SyncToken since, SyncToken now, SyncFilter filter,
                           boolean fullState) {
        readOnlyWork.readOnly();
        String userId = requester.userId().toString();
        String device = userId + "|" + requester.deviceId().value();
        boolean initial = since == null || fullState;
        if (since == null) {
            lazyMembers.reset(device);
        }
        long from = since == null ? 0 : since.events();
        Map<String, UserMembership> memberships = new TreeMap<>();
        Map<String, Long> memberOrderings = new java.util.HashMap<>();
        List<MembershipCache.Member> allMemberships = userMemberships.of(userId);
        for (MembershipCache.Member m : allMemberships) {
            if (filter.roomWanted(m.membership().roomId())) {
                memberships.put(m.membership().roomId(), m.membership());
                memberOrderings.put(m.membership().roomId(), m.ordering());
            }
        }
        Set<String> changed = since == null ? memberships.keySet()
                : stream.roomsChanged(memberships.keySet(), from, now.events());

        Set<String> joinedRooms = new java.util.HashSet<>();
        memberships.values().stream().filter(m -> "join".equals(m.membership()))
                .forEach(m -> joinedRooms.add(m.roomId()));
        SyncExtras extras = extrasReader.read(userId, since, now, joinedRooms, filter);
        ToDeviceBatch toDevice = extrasReader.toDevice(requester, since, now);
        Set<String> extraRooms = extras.rooms();
        Set<String> needed = new java.util.HashSet<>(changed);
        needed.addAll(extraRooms);
        // The ignore list: one read, and only when some room's events or invite may be sent.
        IgnoredUsers ignored = initial || !needed.isEmpty() ? ignoreLists.of(userId) : IgnoredUsers.NONE;
        filter = filter.ignoring(ignored);
        Map<String, SyncResult.JoinedRoom> join = new LinkedHashMap<>();
        Map<String, Long> initialJoins = new LinkedHashMap<>();
        Map<String, SyncResult.InvitedRoom> invite = new LinkedHashMap<>();
        Map<String, SyncResult.LeftRoom> leave = new LinkedHashMap<>();
        Map<String, SyncResult.KnockedRoom> knock = new LinkedHashMap<>();
        Set<String> newlyJoined = new HashSet<>();
        Set<String> newcomers = new LinkedHashSet<>();
        for (UserMembership entry : memberships.values()) {
            String roomId = entry.roomId();
            Long memberOrdering = memberOrderings.get(roomId);
            if (memberOrdering == null || (!initial && !needed.contains(roomId)) || memberOrdering > now.events()) {
                continue; // the membership is newer than this response: the next one shows it
            }
            long memberAt = memberOrdering;
            boolean membershipIsNew = since != null && memberAt > from;
            switch (entry.membership()) {
                case "join" -> {
                    if (initial) {
                        initialJoins.put(roomId, memberAt);
                        continue;
                    }
                    boolean eventsChanged = changed.contains(roomId);
                    if (eventsChanged || extraRooms.contains(roomId)) {
                        boolean full = initial || membershipIsNew;
                        if (membershipIsNew) {
                            newlyJoined.add(roomId);
                        }
                        SyncResult.JoinedRoom room = eventsChanged
                                ? joined(requester, device, roomId, full ? 0 : from, now, full, filter,
                                memberAt, newcomers)
                                : quiet(now);
                        room = room.withExtras(extras.ephemeralOf(roomId), extras.accountDataOf(roomId));
                        if (full || !room.isEmpty()) {
                            join.put(roomId, room);
                        }
                    }
                }
                case "invite" -> {
                    if (since == null || membershipIsNew) {
                        StoredEvent invitation = memberEvent(entry);
                        // Synapse's sync leaves out invites from ignored users.
                        if (!ignored.isIgnored(invitation.pdu().sender())) {
                            invite.put(roomId, new SyncResult.InvitedRoom(InviteState.stripped(access, timelines,
                                    roomId, invitation)));
                        }
                    }
                }
                case "knock" -> {
                    if (since == null || membershipIsNew) {
                        knock.put(roomId, new SyncResult.KnockedRoom(InviteState.stripped(access, timelines, roomId,
                                memberEvent(entry))));
                    }
                }
                case "leave", "ban" -> {
                    boolean wanted = since == null ? filter.includeLeave() : membershipIsNew
                            || (fullState && filter.includeLeave());
                    if (wanted) {
                        leave.put(roomId, left(userId, roomId, memberAt, since == null || fullState ? 0 : from, filter));
                    }
                }
                default -> {
                    // no other membership is synced
                }
            }
        }
        if (!initialJoins.isEmpty()) {
            Map<String, SyncResult.JoinedRoom> read = initialRooms.read(requester, device, initialJoins, now, filter,
                    lazyMembers);
            for (Map.Entry<String, SyncResult.JoinedRoom> entry : read.entrySet()) {
                String roomId = entry.getKey();
                join.put(roomId, entry.getValue().withExtras(extras.ephemeralOf(roomId), extras.accountDataOf(roomId)));
            }
        }
        if (!join.isEmpty()) {
            join = withCounts(userId, join, filter);
        }
        List<JsonObject> presence = since == null || join.isEmpty() ? extras.presence()
                : extrasReader.presenceOfNewcomers(newcomers(userId, newlyJoined, newcomers), extras.presence(), filter);
        SyncResult.DeviceLists deviceLists = since == null ? SyncResult.DeviceLists.NONE
                : this.deviceLists.between(userId, allMemberships, since, now);
        KeyCounts keyCounts = keys.counts(requester.userId(), requester.deviceId()); // one read, this device only
        return new Outcome(new SyncResult(now.withToDevice(toDevice.position()).format(), join, invite, leave, knock,
                extras.accountData(), presence, toDevice.events(), deviceLists, keyCounts.oneTimeKeys(),
                keyCounts.unusedFallbackKeyTypes()),
                Set.copyOf(memberships.keySet()));
    }

    /**
     * The users the reader newly shares a room with: the members of rooms they just joined, and {@code joiners} (who
     * joined one of their rooms in a timeline of this response). Synapse sends their presence.
     */
    private Set<String> newcomers(String userId, Set<String> newlyJoined, Set<String> joiners) {
        Set<String> users = new LinkedHashSet<>(joiners);
        for (String roomId : newlyJoined) {
            state.memberships(roomId).forEach((member, membership) -> {
                if ("join".equals(membership)) {
                    users.add(member);
                }
            });
        }
        users.remove(userId);
        return users;
    }

    /** Adds to {@code joiners} who joined in {@code timeline} (a join that is not a profile change). */
    private void joinersIn(String roomId, List<StoredEvent> timeline, Set<String> joiners) {
        for (StoredEvent e : timeline) {
            if (e.pdu().type().equals("m.room.member")
                    && "join".equals(e.pdu().content().string("membership").orElse(null))) {
                String member = e.pdu().stateKey().orElse("");
                boolean wasJoined = events.latestState(roomId, "m.room.member", member, e.streamOrdering() - 1)
                        .flatMap(prior -> prior.pdu().content().string("membership")).filter("join"::equals)
                        .isPresent();
                if (!wasJoined) {
                    joiners.add(member);
                }
            }
        }
    }

    /**
     * Unread notification counts for the rooms in the response (one batch): the total, or with
     * {@code unread_thread_notifications} the main timeline and each thread apart.
     */
    private Map<String, SyncResult.JoinedRoom> withCounts(String userId, Map<String, SyncResult.JoinedRoom> join,
                                                         SyncFilter filter) {
        UnreadCounts counts = notifications.counts(userId, join.keySet());
        boolean byThread = filter.timeline().unreadThreadNotifications();
        Map<String, SyncResult.JoinedRoom> out = new LinkedHashMap<>();
        join.forEach((roomId, room) -> {
            RoomUnreadCounts unread = counts.of(roomId);
            if (byThread) {
                Map<String, SyncResult.Counts> threads = new LinkedHashMap<>();
                unread.threads().forEach((thread, c) -> threads.put(thread, counts(c)));
                out.put(roomId, room.withCounts(counts(unread.main()), threads));
            } else {
                out.put(roomId, room.withCounts(counts(unread.total()), Map.of()));
            }
        });
        return out;
    }

    private static SyncResult.Counts counts(NotificationCounts c) {
        return new SyncResult.Counts(c.notificationCount(), c.highlightCount());
    }

    /** A joined room with no new events (it has ephemeral events or account data). */
    private static SyncResult.JoinedRoom quiet(SyncToken now) {
        return new SyncResult.JoinedRoom(new SyncResult.Timeline(List.of(), false,
                io.zhihang.application.service.room.StreamToken.format(now.events())), List.of(), List.of(), List.of(),
                SyncResult.Counts.ZERO, Map.of(), null);
    }

    /**
     * The user's memberships with the orderings of their member events: cached between syncs, else two queries
     * (the memberships, then their member events).
     */
    private List<JsonObject> federation(String roomId, List<String> eventIds) {
        Map<String, StoredEvent> byId = new java.util.HashMap<>();
        events.findAll(eventIds).forEach(e -> byId.put(e.pdu().eventId(), e));
        return FederationFormat.of(eventIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(),
                access.version(roomId), clock.millis());
    }

    /** The user's own member event (for stripped state, which shows it). */
    private StoredEvent memberEvent(UserMembership membership) {
        return events.find(membership.eventId()).orElseThrow(() -> new IllegalStateException(
                "Member event " + membership.eventId() + " is missing"));
    }

    private SyncResult.JoinedRoom joined(Requester requester, String device, String roomId, long since,
                                         SyncToken now, boolean full, SyncFilter filter, long joinedAt,
                                         Set<String> joiners) {
        String userId = requester.userId().toString();
        SyncResult.Summary summary = null;
        Set<String> members = null;
        if (filter.lazyLoadMembers()) {
            members = new LinkedHashSet<>();
            if (full) {
                members.add(userId);
                summary = summaries.summary(roomId, userId);
                if (summary.heroes() != null) {
                    members.addAll(summary.heroes());
                }
            }
        }
        RoomTimelineReader.Window window = timelines.window(userId, roomId, since, now.events(), full, filter,
                joinedAt, members);
        if (!full) {
            joinersIn(roomId, window.timeline(), joiners);
        }
        if (filter.lazyLoadMembers() && summary == null && window.timeline().stream()
                .anyMatch(e -> e.pdu().type().equals("m.room.member"))) {
            // Membership changed: clients that lazy-load members count them from the summary (Synapse sends it).
            summary = summaries.summary(roomId, userId);
        }
        List<String> stateIds = new ArrayList<>();
        window.stateIds().forEach((key, id) -> {
            boolean member = key.type().equals("m.room.member");
            if (!filter.lazyLoadMembers() || !member || filter.redundantMembers()
                    || !lazyMembers.alreadySent(device, id)) {
                stateIds.add(id);
            }
        });
        if (filter.lazyLoadMembers()) {
            window.timeline().stream().filter(e -> e.pdu().type().equals("m.room.member"))
                    .forEach(e -> lazyMembers.alreadySent(device, e.pdu().eventId()));
        }
        List<JsonObject> stateEvents = (filter.federationFormat() ? federation(roomId, stateIds)
                : timelines.state(roomId, stateIds)).stream()
                .filter(e -> filter.state().matches(asPdu(e))).toList();
        List<String> own = window.timeline().stream().filter(e -> e.pdu().sender().equals(userId))
                .map(e -> e.pdu().eventId()).toList();
        Map<String, String> txns = own.isEmpty() ? Map.of()
                : txnIds.txnIdsOf(requester.userId(), requester.deviceId(), own);
        SyncResult.Timeline timeline = filter.federationFormat()
                ? new SyncResult.Timeline(FederationFormat.of(window.timeline(), access.version(roomId),
                clock.millis()), window.limited(), window.prevBatch())
                : timelines.timeline(userId, roomId, window, txns);
        return new SyncResult.JoinedRoom(timeline, stateEvents, List.of(),
                List.of(), SyncResult.Counts.ZERO, Map.of(), summary);
    }

    private SyncResult.LeftRoom left(String userId, String roomId, long memberAt, long since,
                                     SyncFilter filter) {
        boolean full = since == 0;
        RoomTimelineReader.Window window = timelines.window(userId, roomId, since, memberAt, full,
                filter, -1, null);
        List<JsonObject> stateEvents = timelines.state(roomId, new ArrayList<>(window.stateIds().values()));
        return new SyncResult.LeftRoom(timelines.timeline(userId, roomId, window, Map.of()), stateEvents, List.of());
    }

    /** State filters match on type and sender: enough of an event for {@link io.zhihang.domain.filter.RoomEventFilter}. */
    private static io.zhihang.domain.event.Pdu asPdu(JsonObject clientEvent) {
        return new io.zhihang.domain.event.Pdu(clientEvent.string("event_id").orElse(null), clientEvent);
    }
}
