package io.zhihang.adapter.rest.client.userdata;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.userdata.AccountDataUseCase;
import io.zhihang.application.port.in.userdata.RoomTagsUseCase;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Account data, global and per room, and room tags. Bodies are client data: floats are allowed (a tag's
 * {@code order}). Deleting account data is MSC3391, under Synapse's unstable prefix.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class AccountDataResource {
    private static final String MSC3391 = "unstable/org.matrix.msc3391";

    private final Authenticator auth;
    private final JsonBodies json;
    private final AccountDataUseCase accountData;
    private final RoomTagsUseCase tags;

    public AccountDataResource(Authenticator auth, JsonBodies json, AccountDataUseCase accountData,
                               RoomTagsUseCase tags) {
        this.auth = auth;
        this.json = json;
        this.accountData = accountData;
        this.tags = tags;
    }

    @GET
    @Path("v3/user/{userId}/account_data/{type}")
    public JsonObject get(@PathParam("userId") String userId, @PathParam("type") String type,
                          @Context HttpServerRequest request) {
        return accountData.get(auth.require(request), userId, null, type);
    }

    @PUT
    @Path("v3/user/{userId}/account_data/{type}")
    public Map<String, Object> put(@PathParam("userId") String userId, @PathParam("type") String type, byte[] body,
                                   @Context HttpServerRequest request) {
        var requester = auth.require(request);
        accountData.put(requester, userId, null, type, json.readClientData(body, false));
        return Map.of();
    }

    @DELETE
    @Path(MSC3391 + "/user/{userId}/account_data/{type}")
    public Map<String, Object> delete(@PathParam("userId") String userId, @PathParam("type") String type,
                                      @Context HttpServerRequest request) {
        accountData.delete(auth.require(request), userId, null, type);
        return Map.of();
    }

    @GET
    @Path("v3/user/{userId}/rooms/{roomId}/account_data/{type}")
    public JsonObject getForRoom(@PathParam("userId") String userId, @PathParam("roomId") String roomId,
                                 @PathParam("type") String type, @Context HttpServerRequest request) {
        return accountData.get(auth.require(request), userId, roomId, type);
    }

    @PUT
    @Path("v3/user/{userId}/rooms/{roomId}/account_data/{type}")
    public Map<String, Object> putForRoom(@PathParam("userId") String userId, @PathParam("roomId") String roomId,
                                          @PathParam("type") String type, byte[] body,
                                          @Context HttpServerRequest request) {
        var requester = auth.require(request);
        accountData.put(requester, userId, roomId, type, json.readClientData(body, false));
        return Map.of();
    }

    @DELETE
    @Path(MSC3391 + "/user/{userId}/rooms/{roomId}/account_data/{type}")
    public Map<String, Object> deleteForRoom(@PathParam("userId") String userId, @PathParam("roomId") String roomId,
                                             @PathParam("type") String type, @Context HttpServerRequest request) {
        accountData.delete(auth.require(request), userId, roomId, type);
        return Map.of();
    }

    @GET
    @Path("v3/user/{userId}/rooms/{roomId}/tags")
    public Map<String, Object> tags(@PathParam("userId") String userId, @PathParam("roomId") String roomId,
                                    @Context HttpServerRequest request) {
        return Map.of("tags", tags.tags(auth.require(request), userId, roomId));
    }

    @PUT
    @Path("v3/user/{userId}/rooms/{roomId}/tags/{tag}")
    public Map<String, Object> putTag(@PathParam("userId") String userId, @PathParam("roomId") String roomId,
                                      @PathParam("tag") String tag, byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        tags.putTag(requester, userId, roomId, tag, json.readClientData(body, false));
        return Map.of();
    }

    @DELETE
    @Path("v3/user/{userId}/rooms/{roomId}/tags/{tag}")
    public Map<String, Object> deleteTag(@PathParam("userId") String userId, @PathParam("roomId") String roomId,
                                         @PathParam("tag") String tag, @Context HttpServerRequest request) {
        tags.deleteTag(auth.require(request), userId, roomId, tag);
        return Map.of();
    }
}
