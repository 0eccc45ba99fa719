package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.client.room.MessagesPageJson;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.admin.rooms.AdminRoom;
import io.zhihang.application.port.in.admin.rooms.AdminRoomListQuery;
import io.zhihang.application.port.in.admin.rooms.AdminRoomPage;
import io.zhihang.application.port.in.admin.rooms.AdminRoomsUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synapse's admin API for rooms: {@code GET /v1/rooms} (also the seed's room list), {@code /v1/rooms/{id}},
 * {@code /members}, {@code /state}, {@code /messages}, {@code POST /v1/join/{room}} and
 * {@code POST /v1/rooms/{id}/make_room_admin}.
 */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoomsResource {
    private final AdminRequests admins;
    private final JsonBodies json;
    private final AdminRoomsUseCase rooms;

    public AdminRoomsResource(AdminRequests admins, JsonBodies json, AdminRoomsUseCase rooms) {
        this.admins = admins;
        this.json = json;
        this.rooms = rooms;
    }

    @GET
    @Path("v1/rooms")
    public Map<String, Object> list(@QueryParam("from") String from, @QueryParam("limit") String limit,
                                    @QueryParam("order_by") String orderBy, @QueryParam("dir") String dir,
                                    @QueryParam("search_term") String searchTerm,
                                    @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        int start = QueryParams.nonNegativeInt("from", from, 0);
        int size = QueryParams.nonNegativeInt("limit", limit, 100);
        if (searchTerm != null && searchTerm.isEmpty()) {
            throw DomainException.invalidParam("search_term cannot be an empty string");
        }
        AdminRoomPage page = rooms.list(admin, new AdminRoomListQuery(start, size, orderBy,
                QueryParams.backwards(dir, false), searchTerm));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("rooms", page.rooms().stream().map(room -> summary(room)).toList());
        response.put("offset", page.offset());
        response.put("total_rooms", page.totalRooms());
        if ((long) start + size < page.totalRooms()) {
            response.put("next_batch", start + size);
        }
        if (start > 0) {
            response.put("prev_batch", Math.max(0, start - size));
        }
        return response;
    }

    @GET
    @Path("v1/rooms/{roomId}")
    public Map<String, Object> details(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        AdminRoom room = rooms.details(admins.requireAdmin(request), roomId);
        Map<String, Object> out = summary(room);
        out.put("topic", room.topic());
        out.put("avatar", room.avatar());
        out.put("joined_local_devices", room.joinedLocalDevices());
        out.put("forgotten", room.forgotten());
        out.put("tombstoned", room.tombstoned());
        out.put("replacement_room", room.replacementRoom());
        return out;
    }

    @GET
    @Path("v1/rooms/{roomId}/members")
    public Map<String, Object> members(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        var members = rooms.members(admins.requireAdmin(request), roomId);
        return Map.of("members", members, "total", members.size());
    }

    @GET
    @Path("v1/rooms/{roomId}/state")
    public Map<String, Object> state(@PathParam("roomId") String roomId, @QueryParam("type") String type,
                                     @Context HttpServerRequest request) {
        return Map.of("state", rooms.state(admins.requireAdmin(request), roomId, type));
    }

    @GET
    @Path("v1/rooms/{roomId}/messages")
    public Map<String, Object> messages(@PathParam("roomId") String roomId, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("dir") String dir,
                                        @QueryParam("limit") String limit, @QueryParam("filter") String filter,
                                        @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        var page = rooms.messages(admin, roomId, from, to, QueryParams.backwards(dir, true),
                QueryParams.limit(limit, 10), QueryParams.roomEventFilter(filter));
        return MessagesPageJson.of(page);
    }

    @POST
    @Path("v1/join/{roomIdOrAlias}")
    public Map<String, Object> join(@PathParam("roomIdOrAlias") String roomIdOrAlias, byte[] body,
                                    @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject content = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        String userId = Fields.string(content, "user_id");
        if (userId == null) {
            throw DomainException.missingParam("Missing params: ['user_id']");
        }
        return Map.of("room_id", rooms.join(admin, AdminRequests.clientIp(request), roomIdOrAlias, userId));
    }

    @POST
    @Path("v1/rooms/{roomIdOrAlias}/make_room_admin")
    public Map<String, Object> makeRoomAdmin(@PathParam("roomIdOrAlias") String roomIdOrAlias, byte[] body,
                                             @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject content = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        rooms.makeRoomAdmin(admin, AdminRequests.clientIp(request), roomIdOrAlias, Fields.string(content, "user_id"));
        return Map.of();
    }

    static Map<String, Object> summary(AdminRoom room) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room_id", room.roomId());
        out.put("name", room.name());
        out.put("canonical_alias", room.canonicalAlias());
        out.put("joined_members", room.joinedMembers());
        out.put("joined_local_members", room.joinedLocalMembers());
        out.put("version", room.version());
        out.put("creator", room.creator());
        out.put("encryption", room.encryption());
        out.put("federatable", room.federatable());
        out.put("public", room.isPublic());
        out.put("join_rules", room.joinRules());
        out.put("guest_access", room.guestAccess());
        out.put("history_visibility", room.historyVisibility());
        out.put("state_events", room.stateEvents());
        out.put("room_type", room.roomType());
        return out;
    }

}
