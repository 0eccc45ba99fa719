package io.zhihang.adapter.rest.friend;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.friendship.FriendsPage;
import io.zhihang.application.port.in.friendship.FriendsUseCase;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /_synapse/enhanced/friends/{user_id}} (paged) and {@code DELETE …/friends/{user_id}/{friend_id}}. */
@Path(FriendJson.ROOT + "/friends")
@Produces(MediaType.APPLICATION_JSON)
public class FriendsResource {
    private final Authenticator auth;
    private final FriendsUseCase friends;

    public FriendsResource(Authenticator auth, FriendsUseCase friends) {
        this.auth = auth;
        this.friends = friends;
    }

    @GET
    @Path("{userId}")
    public Map<String, Object> list(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                    @QueryParam("from") String from, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        FriendsPage page = friends.friends(requester, FriendJson.user(userId), from,
                FriendJson.limit(limit, FriendsUseCase.DEFAULT_PAGE, FriendsUseCase.MAX_PAGE));
        List<Map<String, Object>> list = page.friends().stream().map(f -> {
            Map<String, Object> friend = FriendJson.card(f.user());
            friend.put("categories", f.categories());
            friend.put("since_ts", f.since().toEpochMilli());
            return friend;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("friends", list);
        out.put("count", page.count());
        if (page.nextBatch() != null) {
            out.put("next_batch", page.nextBatch());
        }
        return out;
    }

    @DELETE
    @Path("{userId}/{friendId}")
    public Map<String, Object> remove(@PathParam("userId") String userId, @PathParam("friendId") String friendId,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        friends.remove(requester, FriendJson.user(userId), FriendJson.user(friendId));
        return Map.of("status", "removed");
    }
}
