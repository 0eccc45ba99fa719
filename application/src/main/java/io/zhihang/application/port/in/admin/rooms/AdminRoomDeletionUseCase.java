package io.zhihang.application.port.in.admin.rooms;

import io.zhihang.domain.auth.Requester;

import java.util.List;

/**
 * Deleting rooms and purging history (Synapse's {@code DELETE /v1/rooms/{id}}, {@code DELETE /v2/rooms/{id}} with its
 * status, {@code POST /v1/purge_history/{roomId}} with its status).
 */
public interface AdminRoomDeletionUseCase {
    /** Shuts the room down (and purges it) before answering. */
    ShutdownResult delete(Requester admin, String ip, String roomId, RoomDeletion deletion);

    /** Starts the same work in the background; the delete id to ask its status with. */
    String startDelete(Requester admin, String ip, String roomId, RoomDeletion deletion);

    /** The deletions of a room this server remembers, newest first; 404 if none. */
    List<DeletionStatus> deletionsOf(Requester admin, String roomId);

    /** 404 if unknown. */
    DeletionStatus deletion(Requester admin, String deleteId);

    /** Purges the room's history before a point; the purge id. */
    String purgeHistory(Requester admin, String ip, String roomId, HistoryPurge purge);

    /** {@code active}, {@code complete} or {@code failed}; 404 if unknown. */
    PurgeStatus purgeStatus(Requester admin, String purgeId);

    /** The body of a room deletion; {@code newRoomUserId}, {@code roomName} and {@code message} may be null. */
    record RoomDeletion(boolean block, boolean purge, boolean forcePurge, String newRoomUserId, String roomName,
                        String message) {
    }

    /** Synapse's {@code shutdown_room} result. */
    record ShutdownResult(List<String> kickedUsers, List<String> failedToKickUsers, List<String> localAliases,
                          String newRoomId) {
    }

    /** {@code status}: {@code scheduled}, {@code active}, {@code complete} or {@code failed} (Synapse's task states). */
    record DeletionStatus(String deleteId, String roomId, String status, String error, ShutdownResult result) {
    }

    /** Exactly one of {@code upToEventId} and {@code upToTs} is set. */
    record HistoryPurge(String upToEventId, Long upToTs, boolean deleteLocalEvents) {
    }

    record PurgeStatus(String status, String error) {
    }
}
