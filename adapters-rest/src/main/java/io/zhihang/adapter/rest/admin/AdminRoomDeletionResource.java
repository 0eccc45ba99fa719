package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase.DeletionStatus;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase.HistoryPurge;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase.RoomDeletion;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase.ShutdownResult;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Room deletion and history purge: Synapse's {@code DELETE /v1/rooms/{id}} ({@link AdminRoomDeletionV2Resource} has
 * the v2 form), {@code POST /v1/purge_history/{roomId}} and its status; and the seed's aliases
 * {@code POST /v1/rooms/{id}/delete}, {@code POST /v1/shutdown_room} and {@code POST /v1/purge_history} (the room
 * in the body's {@code room_id}).
 */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoomDeletionResource {
    private final AdminRequests admins;
    private final JsonBodies json;
    private final AdminRoomDeletionUseCase deletions;

    public AdminRoomDeletionResource(AdminRequests admins, JsonBodies json, AdminRoomDeletionUseCase deletions) {
        this.admins = admins;
        this.json = json;
        this.deletions = deletions;
    }

    @DELETE
    @Path("v1/rooms/{roomId}")
    public Map<String, Object> delete(@PathParam("roomId") String roomId, byte[] body,
                                      @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return result(deletions.delete(admin, AdminRequests.clientIp(request), roomId, deletion(object(body))));
    }

    @POST
    @Path("v1/rooms/{roomId}/delete")
    public Map<String, Object> deleteBySeedPath(@PathParam("roomId") String roomId, byte[] body,
                                                @Context HttpServerRequest request) {
        return delete(roomId, body, request);
    }

    @POST
    @Path("v1/shutdown_room")
    public Map<String, Object> shutdownRoom(byte[] body, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject content = object(body);
        return result(deletions.delete(admin, AdminRequests.clientIp(request), roomIdOf(content),
                deletion(content)));
    }

    @POST
    @Path("v1/purge_history/{roomId}")
    public Map<String, Object> purgeHistory(@PathParam("roomId") String roomId, byte[] body,
                                            @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return Map.of("purge_id", deletions.purgeHistory(admin, AdminRequests.clientIp(request), roomId,
                purge(object(body))));
    }

    @POST
    @Path("v1/purge_history")
    public Map<String, Object> purgeHistoryBySeedPath(byte[] body, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject content = object(body);
        return Map.of("purge_id", deletions.purgeHistory(admin, AdminRequests.clientIp(request), roomIdOf(content),
                purge(content)));
    }

    @GET
    @Path("v1/purge_history_status/{purgeId}")
    public Map<String, Object> purgeStatus(@PathParam("purgeId") String purgeId,
                                           @Context HttpServerRequest request) {
        var status = deletions.purgeStatus(admins.requireAdmin(request), purgeId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.status());
        if (status.error() != null) {
            out.put("error", status.error());
        }
        return out;
    }

    private JsonObject object(byte[] body) {
        return body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
    }

    private static String roomIdOf(JsonObject content) {
        String roomId = Fields.string(content, "room_id");
        if (roomId == null) {
            throw DomainException.missingParam("Missing params: ['room_id']");
        }
        return roomId;
    }

    private static RoomDeletion deletion(JsonObject b) {
        boolean purge = !b.has("purge") || Fields.bool(b, "purge");
        return new RoomDeletion(Fields.bool(b, "block"), purge, Fields.bool(b, "force_purge"),
                Fields.string(b, "new_room_user_id"), Fields.string(b, "room_name"), Fields.string(b, "message"));
    }

    private static HistoryPurge purge(JsonObject b) {
        boolean deleteLocal = Fields.bool(b, "delete_local_events");
        String eventId = Fields.string(b, "purge_up_to_event_id");
        if (eventId != null) {
            return new HistoryPurge(eventId, null, deleteLocal);
        }
        JsonValue ts = b.members().get("purge_up_to_ts");
        if (ts == null) {
            throw DomainException.badJson("must specify purge_up_to_event_id or purge_up_to_ts");
        }
        if (!(ts instanceof JsonNumber number)) {
            throw DomainException.badJson("purge_up_to_ts must be an int");
        }
        return new HistoryPurge(null, number.value(), deleteLocal);
    }

    static RoomDeletion deletionOf(JsonObject b) {
        return deletion(b);
    }

    static Map<String, Object> result(ShutdownResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kicked_users", result.kickedUsers());
        out.put("failed_to_kick_users", result.failedToKickUsers());
        out.put("local_aliases", result.localAliases());
        out.put("new_room_id", result.newRoomId());
        return out;
    }

    static Map<String, Object> status(DeletionStatus status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("delete_id", status.deleteId());
        out.put("room_id", status.roomId());
        out.put("status", status.status());
        if (status.error() != null) {
            out.put("error", status.error());
        }
        out.put("shutdown_room", status.result() == null ? null : result(status.result()));
        return out;
    }
}
