package io.zhihang.adapter.rest.friend;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.friendship.FriendsUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /_synapse/enhanced/friend/recommendations/{user_id}?limit=}: people the user may know. */
@Path(FriendJson.ROOT + "/friend/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class FriendRecommendationsResource {
    private final Authenticator auth;
    private final FriendsUseCase friends;

    public FriendRecommendationsResource(Authenticator auth, FriendsUseCase friends) {
        this.auth = auth;
        this.friends = friends;
    }

    @GET
    @Path("{userId}")
    public Map<String, Object> list(@PathParam("userId") String userId, @QueryParam("limit") String limit,
                                    @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("recommendations", friends.recommendations(requester, FriendJson.user(userId),
                FriendJson.limit(limit, FriendsUseCase.DEFAULT_RECOMMENDATIONS, FriendsUseCase.MAX_RECOMMENDATIONS))
                .stream().map(r -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("user_id", r.userId());
                    out.put("display_name", r.displayName());
                    out.put("avatar_url", r.avatarUrl());
                    out.put("mutual_friends", r.mutualFriends());
                    out.put("shared_rooms", r.sharedRooms());
                    return out;
                }).toList());
    }
}
