package io.zhihang.adapter.rest.client.direct;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.UserIds;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.direct.DirectChat;
import io.zhihang.application.port.in.direct.DirectChatDetails;
import io.zhihang.application.port.in.direct.DirectChatsUseCase;
import io.zhihang.application.port.in.room.RoomQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's direct chat endpoints (docs/api.md, "Direct chats"); {@code r0} paths reach them through
 * {@code LegacyClientPaths}.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class DirectChatsResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final DirectChatsUseCase directChats;
    private final RoomQueries rooms;

    public DirectChatsResource(Authenticator auth, JsonBodies json, DirectChatsUseCase directChats,
                               RoomQueries rooms) {
        this.auth = auth;
        this.json = json;
        this.directChats = directChats;
        this.rooms = rooms;
    }

    @POST
    @Path("v3/createDM")
    public Map<String, Object> create(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        UserId other = other(json.readObject(body));
        return Map.of("room_id", directChats.open(requester, other));
    }

    @GET
    @Path("v3/dm")
    public Map<String, Object> list(@Context HttpServerRequest request) {
        List<Map<String, Object>> out = directChats.list(auth.require(request)).stream()
                .map(DirectChatsResource::chat).toList();
        return Map.of("rooms", out);
    }

    @GET
    @Path("v3/rooms/{roomId}/dm")
    public Map<String, Object> details(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        DirectChatDetails chat = directChats.details(auth.require(request), roomId);
        List<Map<String, Object>> members = chat.members().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .<Map<String, Object>>map(e -> Map.of("user_id", e.getKey(), "membership", e.getValue())).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room_id", chat.roomId());
        out.put("is_direct", true);
        out.put("other_user_id", chat.otherUserId());
        out.put("members", members);
        out.put("created_ts", chat.createdAt().toEpochMilli());
        return out;
    }

    @GET
    @Path("v3/user/{userId}/rooms")
    public Map<String, Object> joinedRooms(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        return Map.of("joined_rooms", rooms.joinedRooms(auth.require(request), UserIds.parse(userId)));
    }

    private static Map<String, Object> chat(DirectChat chat) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room_id", chat.roomId());
        out.put("user_id", chat.otherUserId());
        out.put("membership", chat.membership());
        out.put("other_membership", chat.otherMembership());
        return out;
    }

    /**
     * {@code user_id}, or as other servers' clients send it: {@code invitee}, or a one-element {@code user_ids} or
     * {@code invite} (the Rust peer's).
     */
    private static UserId other(JsonObject body) {
        String single = Fields.string(body, "user_id");
        if (single == null) {
            single = Fields.string(body, "invitee");
        }
        if (single == null) {
            List<String> many = Fields.strings(body, "user_ids");
            if (many.isEmpty()) {
                many = Fields.strings(body, "invite");
            }
            if (many.size() > 1) {
                throw DomainException.invalidParam("A direct chat is with one other user");
            }
            single = many.isEmpty() ? null : many.getFirst();
        }
        if (single == null || single.isBlank()) {
            throw DomainException.missingParam("user_id is required");
        }
        return UserIds.parse(single);
    }
}
