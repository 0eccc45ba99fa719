package io.zhihang.adapter.rest.client.room;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.room.MembershipUseCase;
import io.zhihang.application.port.in.room.RoomQueries;
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

import java.util.Map;

/** Joining, leaving, inviting, kicking, banning; member lists and joined rooms. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final MembershipUseCase membership;
    private final RoomQueries queries;

    public MembershipResource(Authenticator auth, JsonBodies json, MembershipUseCase membership, RoomQueries queries) {
        this.auth = auth;
        this.json = json;
        this.membership = membership;
        this.queries = queries;
    }

    /** As Synapse, the whole body becomes the member event's content (a per-room profile, a reason, other keys). */
    @POST
    @Path("v3/join/{roomIdOrAlias}")
    public Map<String, Object> join(@PathParam("roomIdOrAlias") String roomIdOrAlias, byte[] body,
                                    @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        JsonObject content = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        return Map.of("room_id", membership.joinWithContent(requester, roomIdOrAlias, content));
    }

    /** As Synapse, only the body's {@code reason} goes into the member event. */
    @POST
    @Path("v3/rooms/{roomId}/join")
    public Map<String, Object> joinRoom(@PathParam("roomId") String roomId, byte[] body,
                                        @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        return Map.of("room_id", membership.join(requester, roomId, reason(body)));
    }

    @POST
    @Path("v3/knock/{roomIdOrAlias}")
    public Map<String, Object> knock(@PathParam("roomIdOrAlias") String roomIdOrAlias, byte[] body,
                                     @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("room_id", membership.knock(requester, roomIdOrAlias, reason(body)));
    }

    @POST
    @Path("v3/rooms/{roomId}/leave")
    public Map<String, Object> leave(@PathParam("roomId") String roomId, byte[] body,
                                     @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        membership.leave(requester, roomId, reason(body));
        return Map.of();
    }

    @POST
    @Path("v3/rooms/{roomId}/forget")
    public Map<String, Object> forget(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        membership.forget(auth.require(request), roomId);
        return Map.of();
    }

    @POST
    @Path("v3/rooms/{roomId}/invite")
    public Map<String, Object> invite(@PathParam("roomId") String roomId, byte[] body,
                                      @Context HttpServerRequest request) {
        return onTarget(roomId, body, request, membership::invite);
    }

    @POST
    @Path("v3/rooms/{roomId}/kick")
    public Map<String, Object> kick(@PathParam("roomId") String roomId, byte[] body,
                                      @Context HttpServerRequest request) {
        return onTarget(roomId, body, request, membership::kick);
    }

    @POST
    @Path("v3/rooms/{roomId}/ban")
    public Map<String, Object> ban(@PathParam("roomId") String roomId, byte[] body,
                                      @Context HttpServerRequest request) {
        return onTarget(roomId, body, request, membership::ban);
    }

    @POST
    @Path("v3/rooms/{roomId}/unban")
    public Map<String, Object> unban(@PathParam("roomId") String roomId, byte[] body,
                                      @Context HttpServerRequest request) {
        return onTarget(roomId, body, request, membership::unban);
    }

    @GET
    @Path("v3/joined_rooms")
    public Map<String, Object> joinedRooms(@Context HttpServerRequest request) {
        return Map.of("joined_rooms", queries.joinedRooms(auth.requireAllowingGuests(request)));
    }

    @GET
    @Path("v3/rooms/{roomId}/members")
    public Map<String, Object> members(@PathParam("roomId") String roomId,
                                       @QueryParam("membership") String only,
                                       @QueryParam("not_membership") String not,
                                       @QueryParam("at") String at,
                                       @Context HttpServerRequest request) {
        return Map.of("chunk", queries.members(auth.requireAllowingGuests(request), roomId, only, not,
                at == null || at.isEmpty() ? null : at));
    }

    @GET
    @Path("v3/rooms/{roomId}/joined_members")
    public Map<String, Object> joinedMembers(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        return Map.of("joined", queries.joinedMembers(auth.require(request), roomId));
    }

    /** The invite/kick/ban/unban shape: {@code {user_id, reason?}} applied to a target user. */
    private Map<String, Object> onTarget(String roomId, byte[] body, HttpServerRequest request, TargetAction action) {
        var requester = auth.requireAllowingGuests(request);
        if (requester.guest()) {
            // Synapse's RoomMembershipRestServlet: guests may only join and leave, and hears M_FORBIDDEN otherwise.
            throw DomainException.forbidden("Guest access not allowed");
        }
        JsonObject b = json.readObject(body);
        action.apply(requester, roomId, Fields.string(b, "user_id"), Fields.string(b, "reason"));
        return Map.of();
    }

    @FunctionalInterface
    private interface TargetAction {
        void apply(Requester requester, String roomId, String userId, String reason);
    }

    private String reason(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        return Fields.string(json.readObject(body), "reason");
    }
}
