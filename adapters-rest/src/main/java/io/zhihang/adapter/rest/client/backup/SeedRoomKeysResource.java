package io.zhihang.adapter.rest.client.backup;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * The seed's key-backup paths, with the backup version as a path segment instead of the spec's {@code ?version=}:
 * {@code GET}/{@code PUT /room_keys/{version}} (all the version's keys), {@code POST /room_keys/{version}/keys} (an
 * upload of many rooms, like {@code PUT}), and {@code GET /room_keys/{version}/keys/{roomId}[/{sessionId}]}. They are
 * aliases of {@link RoomKeysResource}'s spec endpoints: the same use cases, bodies, answers and refusals. The literal
 * {@code room_keys/version} and {@code room_keys/keys} paths keep their spec meaning (neither is a version number).
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class SeedRoomKeysResource {
    private static final String ALL = "v3/room_keys/{version}";
    private static final String KEYS = ALL + "/keys";
    private static final String ROOM = KEYS + "/{roomId}";
    private static final String SESSION = ROOM + "/{sessionId:.+}";

    private final RoomKeysResource spec;

    public SeedRoomKeysResource(RoomKeysResource spec) {
        this.spec = spec;
    }

    @GET
    @Path(ALL)
    public JsonObject getAll(@PathParam("version") String version, @Context HttpServerRequest request) {
        return spec.getAll(version, request);
    }

    @PUT
    @Path(ALL)
    public Map<String, Object> putAll(@PathParam("version") String version, byte[] body,
                                      @Context HttpServerRequest request) {
        return spec.putAll(version, body, request);
    }

    /** {@code {"rooms": {…}}} into the version (the current one only) → {@code {etag, count}}, like {@code PUT}. */
    @POST
    @Path(KEYS)
    public Map<String, Object> postKeys(@PathParam("version") String version, byte[] body,
                                        @Context HttpServerRequest request) {
        return spec.putAll(version, body, request);
    }

    @GET
    @Path(ROOM)
    public JsonObject getRoom(@PathParam("version") String version, @PathParam("roomId") String roomId,
                              @Context HttpServerRequest request) {
        return spec.getRoom(roomId, version, request);
    }

    @GET
    @Path(SESSION)
    public JsonObject getSession(@PathParam("version") String version, @PathParam("roomId") String roomId,
                                 @PathParam("sessionId") String sessionId, @Context HttpServerRequest request) {
        return spec.getSession(roomId, sessionId, version, request);
    }
}
