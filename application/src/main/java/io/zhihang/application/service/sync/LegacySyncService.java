package io.zhihang.application.service.sync;

import io.zhihang.application.port.in.presence.PresenceQueries;
import io.zhihang.application.port.in.room.PublicRoomQueries;
import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.application.port.in.sync.LegacySyncQueries;
import io.zhihang.application.port.in.sync.SyncRequest;
import io.zhihang.application.port.in.sync.SyncResult;
import io.zhihang.application.port.in.sync.SyncUseCase;
import io.zhihang.application.port.in.userdata.AccountDataDelta;
import io.zhihang.application.port.in.userdata.UserDataSyncQueries;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.ForgottenRooms;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.UserMembership;
import io.zhihang.application.service.room.ClientEvents;
import io.zhihang.application.service.room.StreamToken;
import io.zhihang.application.service.stream.SyncNotifier;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.filter.RoomEventFilter;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The deprecated {@code initialSync} and {@code /events} reads, built on the current ones: a room's snapshot is its
 * readable state and latest messages ({@link RoomQueries}, which apply membership, world-readability and history
 * visibility); the user's event stream is an incremental {@code /sync} flattened into one list; a room's event
 * stream pages forward through {@code /messages} and waits on the {@link SyncNotifier} like a sync does.
 */
@ApplicationScoped
public class LegacySyncService implements LegacySyncQueries {
    /** The events a user's {@code /events} call gives at most (Synapse pages these by 10 by default; more is kind). */
    private static final int EVENTS_LIMIT = 100;
    private static final String EVENTS_FILTER = "{\"room\":{\"timeline\":{\"limit\":" + EVENTS_LIMIT + "}}}";
    private static final Set<String> ALL_ROOMS = Set.of("join", "invite");
    private static final Set<String> ARCHIVED_TOO = Set.of("join", "invite", "leave");

    private final RoomQueries rooms;
    private final RoomStateStore state;
    private final EventStore events;
    private final ClientEvents clientEvents;
    private final UserDataSyncQueries userData;
    private final PresenceQueries presence;
    private final PublicRoomQueries directory;
    private final ForgottenRooms forgotten;
    private final SyncUseCase sync;
    private final SyncPositions positions;
    private final SyncNotifier notifier;
    private final InstantSource clock;

    public LegacySyncService(RoomQueries rooms, RoomStateStore state, EventStore events, ClientEvents clientEvents,
                             UserDataSyncQueries userData, PresenceQueries presence, PublicRoomQueries directory,
                             ForgottenRooms forgotten, SyncUseCase sync, SyncPositions positions, SyncNotifier notifier, InstantSource clock) {
        this.rooms = rooms;
        this.state = state;
        this.events = events;
        this.clientEvents = clientEvents;
        this.userData = userData;
        this.presence = presence;
        this.directory = directory;
        this.forgotten = forgotten;
        this.sync = sync;
        this.positions = positions;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RoomSnapshot room(Requester requester, String roomId, int limit) {
        String userId = requester.userId().toString();
        List<JsonObject> roomState = rooms.state(requester, roomId); // 403 for those who may not read the room
        String membership = state.memberships(roomId).get(userId);
        boolean member = "join".equals(membership) || "leave".equals(membership) || "ban".equals(membership);
        Messages messages = latestMessages(requester, roomId, limit);
        boolean departed = member && !"join".equals(membership);
        List<JsonObject> roomPresence = departed ? List.of() : presenceOfJoined(userId, roomState);
        List<JsonObject> receipts = departed ? List.of() : receipts(userId, List.of(roomId));
        return new RoomSnapshot(roomId, member ? membership : null, messages.chunk(), messages.start(),
                messages.end(), roomState, roomPresence, receipts,
                roomAccountData(userData.accountDataSince(userId, 0), roomId), null, null, null);
    }

    @Override
    @Transactional
    public Snapshot all(Requester requester, int limit, boolean archived) {
        String userId = requester.userId().toString();
        String end = positions.current(userId).format();
        AccountDataDelta accountData = userData.accountDataSince(userId, 0);
        Set<String> wanted = archived ? ARCHIVED_TOO : ALL_ROOMS;
        List<RoomSnapshot> snapshots = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (UserMembership m : state.membershipsOf(userId)) {
            // As Synapse, forgotten rooms are left out (a room is forgotten only after leaving it).
            if (!wanted.contains(m.membership()) || forgotten.isForgotten(userId, m.roomId())) {
                continue;
            }
            String visibility = directory.visibility(m.roomId()).value();
            if (m.membership().equals("invite")) {
                JsonObject invite = events.find(m.eventId())
                        .map(e -> clientEvents.format(m.roomId(), e, true)).orElse(null);
                String inviter = invite == null ? null : invite.string("sender").orElse(null);
                snapshots.add(new RoomSnapshot(m.roomId(), "invite", null, null, null, null, null, null, null,
                        visibility, inviter, invite));
                continue;
            }
            if (m.membership().equals("join")) {
                joined.add(m.roomId());
            }
            List<JsonObject> roomState = rooms.state(requester, m.roomId());
            Messages messages = latestMessages(requester, m.roomId(), limit);
            snapshots.add(new RoomSnapshot(m.roomId(), m.membership(), messages.chunk(), messages.start(),
                    messages.end(), roomState, null, null, roomAccountData(accountData, m.roomId()), visibility,
                    null, null));
        }
        List<JsonObject> global = accountData.global().entrySet().stream()
                .map(e -> typed(e.getKey(), e.getValue())).toList();
        return new Snapshot(snapshots, presence.presenceSince(userId, 0, clock.instant()), global,
                receipts(userId, joined), end);
    }

    @Override
    public EventsPage events(Requester requester, String from, long timeoutMs, String roomId) {
        long timeout = Math.clamp(timeoutMs, 0, SyncService.MAX_TIMEOUT_MS);
        if (roomId != null) {
            return roomEvents(requester, roomId, from, timeout);
        }
        if (requester.guest()) {
            throw new DomainException(ErrorKind.UNKNOWN, "Guest users must specify room_id param");
        }
        String since = from != null ? from : positions.current(requester.userId().toString()).format();
        SyncResult result = sync.sync(new SyncRequest(requester, since, EVENTS_FILTER, false, timeout, null));
        List<JsonObject> chunk = new ArrayList<>();
        result.join().forEach((id, room) -> {
            room.timeline().events().forEach(e -> chunk.add(inRoom(e, id)));
            room.ephemeral().forEach(e -> chunk.add(inRoom(e, id)));
        });
        result.leave().forEach((id, room) -> room.timeline().events().forEach(e -> chunk.add(inRoom(e, id))));
        chunk.addAll(result.presence());
        return new EventsPage(chunk, since, result.nextBatch());
    }

    /**
     * A room's events after {@code from}, oldest first, for its members and for peekers of a world-readable room
     * (the {@code /messages} rules); an empty answer waits for the room's next event, up to the timeout.
     */
    private EventsPage roomEvents(Requester requester, String roomId, String from, long timeoutMs) {
        String latest = latestToken(requester, roomId);
        String start = from != null ? StreamToken.format(StreamToken.parse(from)) : latest;
        String cursor = start;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long seen = notifier.version();
            String upTo = latestToken(requester, roomId);
            RoomQueries.MessagesPage page = rooms.messages(requester, roomId, cursor, upTo, false, EVENTS_LIMIT,
                    RoomEventFilter.ALL);
            String end = page.end() != null ? page.end()
                    : StreamToken.format(Math.max(StreamToken.parse(cursor), StreamToken.parse(upTo)));
            long remaining = deadline - System.nanoTime();
            if (!page.chunk().isEmpty() || remaining <= 0 || notifier.stopping()) {
                return new EventsPage(page.chunk(), start, end);
            }
            cursor = end;
            try (SyncNotifier.Waiter waiter = notifier.register(requester.userId().toString(), List.of(roomId),
                    seen)) {
                waiter.woken().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return new EventsPage(List.of(), start, cursor);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new EventsPage(List.of(), start, cursor);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The token of the room's latest event (and the refusal of those who may not read the room). */
    private String latestToken(Requester requester, String roomId) {
        return rooms.messages(requester, roomId, null, null, true, 0, RoomEventFilter.ALL).start();
    }

    private record Messages(List<JsonObject> chunk, String start, String end) {
    }

    /** The latest {@code limit} events one may see, oldest first, between the tokens Synapse gives them. */
    private Messages latestMessages(Requester requester, String roomId, int limit) {
        RoomQueries.MessagesPage page = rooms.messages(requester, roomId, null, null, true, limit,
                RoomEventFilter.ALL);
        List<JsonObject> chronological = new ArrayList<>(page.chunk()).reversed();
        return new Messages(chronological, page.end() != null ? page.end() : StreamToken.format(0), page.start());
    }

    private List<JsonObject> presenceOfJoined(String userId, List<JsonObject> roomState) {
        Set<String> joined = new HashSet<>();
        for (JsonObject event : roomState) {
            if (event.string("type").filter("m.room.member"::equals).isPresent()
                    && event.object("content").flatMap(c -> c.string("membership")).filter("join"::equals)
                    .isPresent()) {
                event.string("state_key").ifPresent(joined::add);
            }
        }
        return presence.presenceSince(userId, 0, clock.instant()).stream()
                .filter(p -> p.string("sender").filter(joined::contains).isPresent()).toList();
    }

    private List<JsonObject> receipts(String userId, List<String> roomIds) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return userData.receiptsSince(userId, roomIds, 0).entrySet().stream()
                .map(e -> JsonObject.builder().put("type", "m.receipt").put("room_id", e.getKey())
                        .put("content", e.getValue()).build())
                .toList();
    }

    private static List<JsonObject> roomAccountData(AccountDataDelta accountData, String roomId) {
        Map<String, JsonObject> room = accountData.rooms().getOrDefault(roomId, Map.of());
        return room.entrySet().stream().map(e -> typed(e.getKey(), e.getValue())).toList();
    }

    private static JsonObject typed(String type, JsonObject content) {
        return JsonObject.builder().put("type", type).put("content", content).build();
    }

    private static JsonObject inRoom(JsonObject event, String roomId) {
        return event.with("room_id", new JsonString(roomId));
    }
}
