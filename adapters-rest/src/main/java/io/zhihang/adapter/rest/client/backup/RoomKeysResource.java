package io.zhihang.adapter.rest.client.backup;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.backup.BackUpRoomKeysUseCase;
import io.zhihang.application.port.in.backup.KeyBackupQueries;
import io.zhihang.domain.backup.BackedUpKey;
import io.zhihang.domain.backup.BackupSession;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.backup.KeyScope;
import io.zhihang.domain.backup.KeyUpload;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys in the caller's server-side key backup, at three levels: all of them, one room's, one session's. The
 * backup version is the required query parameter {@code version}. Session ids are base64 and often contain
 * {@code /} ({@code %2F} in the path): the session segment takes the rest of the path.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RoomKeysResource {
    private static final String ALL = "v3/room_keys/keys";
    private static final String ROOM = ALL + "/{roomId}";
    private static final String SESSION = ROOM + "/{sessionId:.+}";

    private final Authenticator auth;
    private final JsonBodies json;
    private final BackUpRoomKeysUseCase keys;
    private final KeyBackupQueries queries;

    public RoomKeysResource(Authenticator auth, JsonBodies json, BackUpRoomKeysUseCase keys,
                            KeyBackupQueries queries) {
        this.auth = auth;
        this.json = json;
        this.keys = keys;
        this.queries = queries;
    }

    @GET
    @Path(ALL)
    public JsonObject getAll(@QueryParam("version") String version, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return rooms(queries.keys(requester, required(version), KeyScope.ALL));
    }

    @GET
    @Path(ROOM)
    public JsonObject getRoom(@PathParam("roomId") String roomId, @QueryParam("version") String version,
                              @Context HttpServerRequest request) {
        var requester = auth.require(request);
        KeyScope scope = KeyScope.room(roomId);
        return sessions(queries.keys(requester, required(version), scope));
    }

    @GET
    @Path(SESSION)
    public JsonObject getSession(@PathParam("roomId") String roomId, @PathParam("sessionId") String sessionId,
                                 @QueryParam("version") String version, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        KeyScope scope = KeyScope.session(roomId, sessionId);
        return queries.keys(requester, required(version), scope).values().iterator().next().json();
    }

    @PUT
    @Path(ALL)
    public Map<String, Object> putAll(@QueryParam("version") String version, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        String backup = required(version);
        return updated(keys.upload(requester, backup, KeyUpload.ofAll(json.readClientData(body, false))));
    }

    @PUT
    @Path(ROOM)
    public Map<String, Object> putRoom(@PathParam("roomId") String roomId, @QueryParam("version") String version,
                                       byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        String backup = required(version);
        return updated(keys.upload(requester, backup, KeyUpload.ofRoom(roomId, json.readClientData(body, false))));
    }

    @PUT
    @Path(SESSION)
    public Map<String, Object> putSession(@PathParam("roomId") String roomId,
                                          @PathParam("sessionId") String sessionId,
                                          @QueryParam("version") String version, byte[] body,
                                          @Context HttpServerRequest request) {
        var requester = auth.require(request);
        String backup = required(version);
        KeyUpload upload = KeyUpload.ofSession(roomId, sessionId, json.readClientData(body, false));
        return updated(keys.upload(requester, backup, upload));
    }

    @DELETE
    @Path(ALL)
    public Map<String, Object> deleteAll(@QueryParam("version") String version, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return updated(keys.delete(requester, required(version), KeyScope.ALL));
    }

    @DELETE
    @Path(ROOM)
    public Map<String, Object> deleteRoom(@PathParam("roomId") String roomId, @QueryParam("version") String version,
                                          @Context HttpServerRequest request) {
        var requester = auth.require(request);
        KeyScope scope = KeyScope.room(roomId);
        return updated(keys.delete(requester, required(version), scope));
    }

    @DELETE
    @Path(SESSION)
    public Map<String, Object> deleteSession(@PathParam("roomId") String roomId,
                                             @PathParam("sessionId") String sessionId,
                                             @QueryParam("version") String version,
                                             @Context HttpServerRequest request) {
        var requester = auth.require(request);
        KeyScope scope = KeyScope.session(roomId, sessionId);
        return updated(keys.delete(requester, required(version), scope));
    }

    /** {@code version} is required on every keys request ({@code 400 M_MISSING_PARAM}, as Synapse). */
    private static String required(String version) {
        if (version == null) {
            throw DomainException.missingParam("Missing string query parameter 'version'");
        }
        return version;
    }

    private static Map<String, Object> updated(KeyBackup backup) {
        return Map.of("etag", backup.etagString(), "count", backup.count());
    }

    /** {@code {"rooms": {roomId: {"sessions": {sessionId: key}}}}}. */
    private static JsonObject rooms(Map<BackupSession, BackedUpKey> keys) {
        Map<String, Map<BackupSession, BackedUpKey>> byRoom = new LinkedHashMap<>();
        keys.forEach((s, k) -> byRoom.computeIfAbsent(s.roomId(), r -> new LinkedHashMap<>()).put(s, k));
        JsonObject.Builder rooms = JsonObject.builder();
        byRoom.forEach((roomId, roomKeys) -> rooms.put(roomId, sessions(roomKeys)));
        return JsonObject.builder().put("rooms", rooms.build()).build();
    }

    /** {@code {"sessions": {sessionId: key}}}. */
    private static JsonObject sessions(Map<BackupSession, BackedUpKey> keys) {
        JsonObject.Builder sessions = JsonObject.builder();
        keys.forEach((s, k) -> sessions.put(s.sessionId(), k.json()));
        return JsonObject.builder().put("sessions", sessions.build()).build();
    }
}
