package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.admin.rooms.AdminRoomDeletionUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Synapse's asynchronous room deletion, {@code DELETE /_synapse/admin/v2/rooms/{id}} ({@code delete_id}), and its
 * status by room and by delete id.
 */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoomDeletionV2Resource {
    private final AdminRequests admins;
    private final JsonBodies json;
    private final AdminRoomDeletionUseCase deletions;

    public AdminRoomDeletionV2Resource(AdminRequests admins, JsonBodies json, AdminRoomDeletionUseCase deletions) {
        this.admins = admins;
        this.json = json;
        this.deletions = deletions;
    }

    @DELETE
    @Path("v2/rooms/{roomId}")
    public Map<String, Object> startDelete(@PathParam("roomId") String roomId, byte[] body,
                                           @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return Map.of("delete_id",
                deletions.startDelete(admin, AdminRequests.clientIp(request), roomId, AdminRoomDeletionResource.deletionOf(object(body))));
    }

    @GET
    @Path("v2/rooms/{roomId}/delete_status")
    public Map<String, Object> deleteStatusOfRoom(@PathParam("roomId") String roomId,
                                                  @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return Map.of("results", deletions.deletionsOf(admin, roomId).stream().map(AdminRoomDeletionResource::status).toList());
    }

    @GET
    @Path("v2/rooms/delete_status/{deleteId}")
    public Map<String, Object> deleteStatus(@PathParam("deleteId") String deleteId,
                                            @Context HttpServerRequest request) {
        return AdminRoomDeletionResource.status(deletions.deletion(admins.requireAdmin(request), deleteId));
    }

    private JsonObject object(byte[] body) {
        return body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
    }
}
