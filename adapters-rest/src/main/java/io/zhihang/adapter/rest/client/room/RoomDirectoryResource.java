package io.zhihang.adapter.rest.client.room;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.room.DirectoryVisibility;
import io.zhihang.application.port.in.room.ManageRoomAliasesUseCase;
import io.zhihang.application.port.in.room.PublicRoomQueries;
import io.zhihang.application.port.in.room.PublishRoomUseCase;
import io.zhihang.application.port.in.room.RoomAliasQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Room aliases ({@code /directory/room}, {@code /rooms/{roomId}/aliases}) and directory visibility. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RoomDirectoryResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final ManageRoomAliasesUseCase manageAliases;
    private final RoomAliasQueries aliases;
    private final PublishRoomUseCase publish;
    private final PublicRoomQueries directory;

    public RoomDirectoryResource(Authenticator auth, JsonBodies json, ManageRoomAliasesUseCase manageAliases,
                                 RoomAliasQueries aliases, PublishRoomUseCase publish, PublicRoomQueries directory) {
        this.auth = auth;
        this.json = json;
        this.manageAliases = manageAliases;
        this.aliases = aliases;
        this.publish = publish;
        this.directory = directory;
    }

    @PUT
    @Path("v3/directory/room/{roomAlias}")
    public Map<String, Object> createAlias(@PathParam("roomAlias") String alias, byte[] body,
                                           @Context HttpServerRequest request) {
        var requester = auth.require(request);
        String roomId = Fields.string(json.readObject(body), "room_id");
        if (roomId == null) {
            throw DomainException.missingParam("Missing room_id");
        }
        manageAliases.create(requester, alias, roomId);
        return Map.of();
    }

    /** Needs no access token (the spec names no security for it). */
    @GET
    @Path("v3/directory/room/{roomAlias}")
    public Map<String, Object> resolveAlias(@PathParam("roomAlias") String alias) {
        RoomAliasQueries.ResolvedAlias resolved = aliases.resolve(alias);
        return Map.of("room_id", resolved.roomId(), "servers", resolved.servers());
    }

    @DELETE
    @Path("v3/directory/room/{roomAlias}")
    public Map<String, Object> deleteAlias(@PathParam("roomAlias") String alias, @Context HttpServerRequest request) {
        manageAliases.delete(auth.require(request), alias);
        return Map.of();
    }

    @GET
    @Path("v3/rooms/{roomId}/aliases")
    public Map<String, Object> localAliases(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        return Map.of("aliases", aliases.localAliases(auth.require(request), roomId));
    }

    /** Needs no access token (the spec names no security for it). */
    @GET
    @Path("v3/directory/list/room/{roomId}")
    public Map<String, Object> visibility(@PathParam("roomId") String roomId) {
        return Map.of("visibility", directory.visibility(roomId).value());
    }

    @PUT
    @Path("v3/directory/list/room/{roomId}")
    public Map<String, Object> setVisibility(@PathParam("roomId") String roomId, byte[] body,
                                             @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = body == null || body.length == 0 ? JsonObject.EMPTY : json.readObject(body);
        publish.setVisibility(requester, roomId, DirectoryVisibility.parse(Fields.string(b, "visibility")));
        return Map.of();
    }
}
