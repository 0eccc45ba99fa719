package io.zhihang.application.service.admin.rooms;

import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase.RoomDeletion;
import io.zhihang.application.port.out.room.AliasRepository;
import io.zhihang.application.port.out.room.BlockedRooms;
import io.zhihang.application.port.out.room.RoomRepository;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.RoomPurge;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transactional steps of a room deletion and a history purge, each with its audit entry in the same transaction:
 * the block (before anyone is moved out, so nobody can come back meanwhile) and the purge.
 */
@ApplicationScoped
class RoomDeletionSteps {
    private final BlockedRooms blocked;
    private final RoomPurge purge;
    private final AdminAudit audit;
    private final InstantSource clock;

    private final RoomRepository rooms;
    private final RoomStateStore state;
    private final AliasRepository aliases;

    RoomDeletionSteps(BlockedRooms blocked, RoomPurge purge, AdminAudit audit, InstantSource clock,
                      RoomRepository rooms, RoomStateStore state, AliasRepository aliases) {
        this.rooms = rooms;
        this.state = state;
        this.aliases = aliases;
        this.blocked = blocked;
        this.purge = purge;
        this.audit = audit;
        this.clock = clock;
    }

    /** Blocks the room if asked, and records that the deletion starts. */
    @Transactional
    public void begin(Requester admin, String ip, String roomId, RoomDeletion deletion) {
        if (deletion.block()) {
            blocked.block(roomId, admin.userId().toString(), clock.millis());
        }
        JsonObject.Builder details = JsonObject.builder().put("block", deletion.block())
                .put("purge", deletion.purge());
        if (deletion.newRoomUserId() != null) {
            details.put("new_room_user_id", deletion.newRoomUserId());
        }
        audit.record(admin, ip, "delete_room", roomId, details.build());
    }

    /** user id → membership of the room's members, by user id; null if the server does not know the room. */
    @Transactional
    public Map<String, String> membershipsIfExists(String roomId) {
        return rooms.find(roomId).isEmpty() ? null : new TreeMap<>(state.memberships(roomId));
    }

    /** Points the room's local aliases at the new room; the aliases moved. */
    @Transactional
    public List<String> moveAliases(String fromRoomId, String toRoomId) {
        List<String> moved = aliases.aliasesOf(fromRoomId);
        aliases.repoint(fromRoomId, toRoomId);
        return moved;
    }

    /** Deletes the room's rows; whether it existed. */
    @Transactional
    public boolean purgeRoom(Requester admin, String ip, String roomId) {
        boolean existed = purge.purgeRoom(roomId);
        audit.record(admin, ip, "purge_room", roomId, JsonObject.EMPTY);
        return existed;
    }

    @Transactional
    public int purgeHistory(Requester admin, String ip, String roomId, long beforeOrdering, boolean deleteLocal,
                            String localServer, JsonObject details) {
        int deleted = purge.purgeHistory(roomId, beforeOrdering, !deleteLocal, localServer);
        audit.record(admin, ip, "purge_history", roomId,
                details.toBuilder().put("deleted_events", deleted).build());
        return deleted;
    }
}
