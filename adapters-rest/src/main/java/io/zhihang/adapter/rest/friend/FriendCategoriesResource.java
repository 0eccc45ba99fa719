package io.zhihang.adapter.rest.friend;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.friendship.FriendCategoriesUseCase;
import io.zhihang.application.port.out.friendship.FriendCategory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Friend categories: {@code /friend/categories/{user_id}} and {@code …/{user_id}/{category_name}}. */
@Path(FriendJson.ROOT + "/friend/categories")
@Produces(MediaType.APPLICATION_JSON)
public class FriendCategoriesResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final FriendCategoriesUseCase categories;

    public FriendCategoriesResource(Authenticator auth, JsonBodies json, FriendCategoriesUseCase categories) {
        this.auth = auth;
        this.json = json;
        this.categories = categories;
    }

    @GET
    @Path("{userId}")
    public Map<String, Object> list(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("categories", categories.categories(requester, FriendJson.user(userId)).stream()
                .map(FriendCategoriesResource::view).toList());
    }

    @POST
    @Path("{userId}")
    public Map<String, Object> create(@PathParam("userId") String userId, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var in = json.readClientData(body, false);
        return view(categories.create(requester, FriendJson.user(userId), Fields.string(in, "name"),
                FriendJson.users(in, "members")));
    }

    @PUT
    @Path("{userId}/{name}")
    public Map<String, Object> update(@PathParam("userId") String userId, @PathParam("name") String name,
                                      byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var in = json.readClientData(body, true);
        return view(categories.update(requester, FriendJson.user(userId), name, Fields.string(in, "name"),
                FriendJson.users(in, "add"), FriendJson.users(in, "remove")));
    }

    @DELETE
    @Path("{userId}/{name}")
    public Map<String, Object> delete(@PathParam("userId") String userId, @PathParam("name") String name,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        categories.delete(requester, FriendJson.user(userId), name);
        return Map.of("status", "deleted");
    }

    private static Map<String, Object> view(FriendCategory category) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", category.name());
        out.put("members", category.members());
        out.put("count", category.members().size());
        return out;
    }
}
