package io.zhihang.application.service.admin.rooms;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.in.room.MembershipUseCase;
import io.zhihang.application.port.in.room.SendEventUseCase;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.room.EventStore;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.StoredEvent;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Room deletion as Synapse's room shutdown: block (if asked), move every local member out (each leaves and forgets
 * the room, as themselves), optionally into a new room with a message and the old room's aliases, then purge the
 * room's rows. Each step is its own transaction, as in Synapse: a member who cannot be moved is reported, not fatal.
 * The v2 form runs the same work on one background thread; the statuses of recent deletions and purges are kept in
 * memory (as Synapse's task results are kept for a while), so they are lost on restart.
 */
@ApplicationScoped
public class RoomDeletionService implements AdminRoomDeletionUseCase {
    private static final System.Logger LOG = System.getLogger(RoomDeletionService.class.getName());
    static final String DEFAULT_ROOM_NAME = "Content Violation Notification";
    static final String DEFAULT_MESSAGE =
            "Sharing illegal content on this server is not permitted and rooms in violation will be blocked.";
    private static final int REMEMBERED = 1000;

    private final RoomRepository rooms;
    private final EventStore events;
    private final MembershipUseCase membership;
    private final CreateRoomUseCase createRoom;
    private final SendEventUseCase send;
    private final HomeserverSettings settings;
    private final IdGenerator ids;
    private final RoomDeletionSteps steps;
    private final Map<String, DeletionStatus> deletions = remembered();
    private final Map<String, PurgeStatus> purges = remembered();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "room-deletion");
        thread.setDaemon(true);
        return thread;
    });

    public RoomDeletionService(RoomRepository rooms, EventStore events,
                               MembershipUseCase membership, CreateRoomUseCase createRoom, SendEventUseCase send,
                               HomeserverSettings settings, IdGenerator ids, RoomDeletionSteps steps) {
        this.rooms = rooms;
        this.events = events;
        this.membership = membership;
        this.createRoom = createRoom;
        this.send = send;
        this.settings = settings;
        this.ids = ids;
        this.steps = steps;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public ShutdownResult delete(Requester admin, String ip, String roomId, RoomDeletion deletion) {
        check(admin, roomId, deletion);
        return run(admin, ip, roomId, deletion);
    }

    @Override
    public String startDelete(Requester admin, String ip, String roomId, RoomDeletion deletion) {
        check(admin, roomId, deletion);
        String deleteId = ids.secret();
        remember(deleteId, new DeletionStatus(deleteId, roomId, "scheduled", null, null));
        worker.execute(() -> {
            remember(deleteId, new DeletionStatus(deleteId, roomId, "active", null, null));
            try {
                ShutdownResult result = run(admin, ip, roomId, deletion);
                remember(deleteId, new DeletionStatus(deleteId, roomId, "complete", null, result));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Deleting room {0} failed: {1}", roomId, e.getMessage());
                remember(deleteId, new DeletionStatus(deleteId, roomId, "failed", e.getMessage(), null));
            }
        });
        return deleteId;
    }

    @Override
    public List<DeletionStatus> deletionsOf(Requester admin, String roomId) {
        admin.ensureAdmin();
        legalRoomId(roomId);
        List<DeletionStatus> found;
        synchronized (deletions) {
            found = new ArrayList<>(deletions.values().stream().filter(d -> d.roomId().equals(roomId)).toList());
        }
        if (found.isEmpty()) {
            throw DomainException.notFound("No delete task for room_id '" + roomId + "' found");
        }
        java.util.Collections.reverse(found);
        return found;
    }

    @Override
    public DeletionStatus deletion(Requester admin, String deleteId) {
        admin.ensureAdmin();
        synchronized (deletions) {
            DeletionStatus status = deletions.get(deleteId);
            if (status == null) {
                throw DomainException.notFound("delete id '" + deleteId + "' not found");
            }
            return status;
        }
    }

    @Override
    public String purgeHistory(Requester admin, String ip, String roomId, HistoryPurge purge) {
        admin.ensureAdmin();
        rooms.find(roomId).orElseThrow(() -> DomainException.notFound("Room not found"));
        long before;
        JsonObject.Builder details = JsonObject.builder().put("delete_local_events", purge.deleteLocalEvents());
        if (purge.upToEventId() != null) {
            StoredEvent event = events.find(purge.upToEventId())
                    .orElseThrow(() -> DomainException.notFound("Event not found"));
            if (!event.pdu().roomId().equals(roomId)) {
                throw DomainException.invalidParam("Event is for wrong room.");
            }
            before = event.streamOrdering();
            details.put("purge_up_to_event_id", purge.upToEventId());
        } else if (purge.upToTs() != null) {
            before = events.closestTo(roomId, purge.upToTs(), EventStore.Direction.FORWARDS)
                    .map(StoredEvent::streamOrdering).orElse(events.latestOrdering(roomId) + 1);
            if (events.page(roomId, before, null, EventStore.Direction.BACKWARDS, 1).isEmpty()) {
                throw DomainException.notFound("there is no event to be purged");
            }
            details.put("purge_up_to_ts", purge.upToTs());
        } else {
            throw DomainException.badJson("must specify purge_up_to_event_id or purge_up_to_ts");
        }
        String purgeId = ids.secret();
        try {
            steps.purgeHistory(admin, ip, roomId, before, purge.deleteLocalEvents(), settings.serverName().value(),
                    details.build());
            rememberPurge(purgeId, new PurgeStatus("complete", null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Purging the history of {0} failed: {1}", roomId, e.getMessage());
            rememberPurge(purgeId, new PurgeStatus("failed", e.getMessage()));
        }
        return purgeId;
    }

    @Override
    public PurgeStatus purgeStatus(Requester admin, String purgeId) {
        admin.ensureAdmin();
        synchronized (purges) {
            PurgeStatus status = purges.get(purgeId);
            if (status == null) {
                throw DomainException.notFound("purge id '" + purgeId + "' not found");
            }
            return status;
        }
    }

    private void check(Requester admin, String roomId, RoomDeletion deletion) {
        admin.ensureAdmin();
        legalRoomId(roomId);
        if (deletion.newRoomUserId() != null) {
            UserId user;
            try {
                user = UserId.parse(deletion.newRoomUserId());
            } catch (DomainException e) {
                throw DomainException.invalidParam("Invalid user id: " + deletion.newRoomUserId());
            }
            if (!user.isLocalTo(settings.serverName())) {
                throw DomainException.invalidParam("User must be our own: " + deletion.newRoomUserId());
            }
        }
        if (!deletion.block() && rooms.find(roomId).isEmpty()) {
            // Synapse: only blocking may name a room the server does not know.
            throw DomainException.notFound("Unknown room id " + roomId);
        }
    }

    private static void legalRoomId(String roomId) {
        if (!roomId.startsWith("!") || roomId.indexOf(':') < 0) {
            throw DomainException.invalidParam(roomId + " is not a legal room ID");
        }
    }

    private ShutdownResult run(Requester admin, String ip, String roomId, RoomDeletion deletion) {
        steps.begin(admin, ip, roomId, deletion);
        List<String> kicked = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> movedAliases = List.of();
        String newRoomId = null;
        Map<String, String> members = steps.membershipsIfExists(roomId);
        if (members != null) {
            Requester newRoomOwner = deletion.newRoomUserId() == null ? null
                    : AdminRoomsService.actingAs(UserId.parse(deletion.newRoomUserId()));
            if (newRoomOwner != null) {
                newRoomId = createRoom.create(new CreateRoomCommand(newRoomOwner, "public_chat", null, null,
                        deletion.roomName() == null ? DEFAULT_ROOM_NAME : deletion.roomName(), null, List.of(),
                        List.of(), JsonObject.builder().put("users_default", -10).build(), null, false, null))
                        .roomId();
            }
            for (Map.Entry<String, String> member : members.entrySet()) {
                String membershipNow = member.getValue();
                if (!List.of("join", "invite", "knock").contains(membershipNow) || !isLocal(member.getKey())) {
                    continue;
                }
                try {
                    Requester user = AdminRoomsService.actingAs(UserId.parse(member.getKey()));
                    membership.leave(user, roomId, null);
                    membership.forget(user, roomId);
                    if (newRoomId != null && "join".equals(membershipNow)) {
                        membership.join(user, newRoomId, null);
                    }
                    kicked.add(member.getKey());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not move {0} out of {1}: {2}", member.getKey(), roomId,
                            e.getMessage());
                    failed.add(member.getKey());
                }
            }
            if (newRoomOwner != null) {
                send.send(newRoomOwner, newRoomId, "m.room.message", JsonObject.builder()
                        .put("body", deletion.message() == null ? DEFAULT_MESSAGE : deletion.message())
                        .put("msgtype", "m.text").build(), null);
                movedAliases = steps.moveAliases(roomId, newRoomId);
            }
        }
        if (deletion.purge()) {
            steps.purgeRoom(admin, ip, roomId);
        }
        return new ShutdownResult(kicked, failed, movedAliases, newRoomId);
    }

    private boolean isLocal(String userId) {
        try {
            return UserId.parse(userId).isLocalTo(settings.serverName());
        } catch (DomainException e) {
            return false;
        }
    }

    private void remember(String deleteId, DeletionStatus status) {
        synchronized (deletions) {
            deletions.put(deleteId, status);
        }
    }

    private void rememberPurge(String purgeId, PurgeStatus status) {
        synchronized (purges) {
            purges.put(purgeId, status);
        }
    }

    private static <V> Map<String, V> remembered() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
