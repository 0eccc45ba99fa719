package io.zhihang.adapter.rest.client.room;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.room.CreateRoomCommand;
import io.zhihang.application.port.in.room.CreateRoomUseCase;
import io.zhihang.application.port.in.room.CreatedRoom;
import io.zhihang.application.port.in.room.UpgradeRoomUseCase;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /createRoom} and {@code POST /rooms/{roomId}/upgrade}. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RoomCreationResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final CreateRoomUseCase createRoom;
    private final UpgradeRoomUseCase upgradeRoom;

    public RoomCreationResource(Authenticator auth, JsonBodies json, CreateRoomUseCase createRoom,
                                UpgradeRoomUseCase upgradeRoom) {
        this.auth = auth;
        this.json = json;
        this.createRoom = createRoom;
        this.upgradeRoom = upgradeRoom;
    }

    @POST
    @Path("v3/createRoom")
    public Map<String, Object> create(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readObject(body);
        var initialState = Fields.objects(b, "initial_state").stream()
                .map(s -> new CreateRoomCommand.InitialStateEvent(required(s, "type"),
                        Fields.string(s, "state_key") == null ? "" : Fields.string(s, "state_key"),
                        Fields.object(s, "content") == null ? JsonObject.EMPTY : Fields.object(s, "content")))
                .toList();
        CreatedRoom room = createRoom.create(new CreateRoomCommand(requester, Fields.string(b, "preset"),
                Fields.string(b, "visibility"), Fields.string(b, "room_alias_name"), Fields.string(b, "name"),
                Fields.string(b, "topic"), Fields.strings(b, "invite"), initialState,
                Fields.object(b, "power_level_content_override"), Fields.object(b, "creation_content"),
                Fields.bool(b, "is_direct"), Fields.string(b, "room_version")));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("room_id", room.roomId());
        if (room.alias() != null) {
            response.put("room_alias", room.alias());
        }
        return response;
    }

    @POST
    @Path("v3/rooms/{roomId}/upgrade")
    public Map<String, Object> upgrade(@PathParam("roomId") String roomId, byte[] body,
                                       @Context HttpServerRequest request) {
        var requester = auth.require(request);
        String newVersion = Fields.string(json.readObject(body), "new_version");
        if (newVersion == null) {
            throw io.zhihang.domain.shared.DomainException.missingParam("Missing new_version");
        }
        return Map.of("replacement_room", upgradeRoom.upgrade(requester, roomId, newVersion));
    }

    private static String required(JsonObject o, String key) {
        String value = Fields.string(o, key);
        if (value == null) {
            throw io.zhihang.domain.shared.DomainException.badJson("initial_state entries need a '" + key + "'");
        }
        return value;
    }
}
