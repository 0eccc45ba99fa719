package io.zhihang.adapter.rest.friend;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.friendship.FriendBlocksUseCase;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Blocks ({@code /friend/blocks/{user_id}}): the owner's {@code m.ignored_user_list}. Unblock by
 * {@code DELETE …/{user_id}/{blocked_user_id}} or {@code DELETE …/{user_id}} with {@code {"user_id"}}.
 */
@Path(FriendJson.ROOT + "/friend/blocks")
@Produces(MediaType.APPLICATION_JSON)
public class FriendBlocksResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final FriendBlocksUseCase blocks;

    public FriendBlocksResource(Authenticator auth, JsonBodies json, FriendBlocksUseCase blocks) {
        this.auth = auth;
        this.json = json;
        this.blocks = blocks;
    }

    @GET
    @Path("{userId}")
    public Map<String, Object> list(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("blocked_users", blocks.blocked(requester, FriendJson.user(userId)).stream().map(b -> {
            Map<String, Object> out = FriendJson.card(b.user());
            out.put("reason", b.reason());
            return out;
        }).toList());
    }

    @POST
    @Path("{userId}")
    public Map<String, Object> block(@PathParam("userId") String userId, byte[] body,
                                     @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var in = json.readClientData(body, false);
        var target = FriendJson.bodyUser(in);
        blocks.block(requester, FriendJson.user(userId), target, Fields.string(in, "reason"));
        return Map.of("user_id", target.toString(), "status", "blocked");
    }

    @DELETE
    @Path("{userId}/{blockedUserId}")
    public Map<String, Object> unblock(@PathParam("userId") String userId,
                                       @PathParam("blockedUserId") String blockedUserId,
                                       @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var target = FriendJson.user(blockedUserId);
        blocks.unblock(requester, FriendJson.user(userId), target);
        return Map.of("user_id", target.toString(), "status", "unblocked");
    }

    @DELETE
    @Path("{userId}")
    public Map<String, Object> unblockByBody(@PathParam("userId") String userId, byte[] body,
                                             @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var target = FriendJson.bodyUser(json.readClientData(body, false));
        blocks.unblock(requester, FriendJson.user(userId), target);
        return Map.of("user_id", target.toString(), "status", "unblocked");
    }
}
