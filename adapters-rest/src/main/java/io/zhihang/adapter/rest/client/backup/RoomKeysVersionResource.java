package io.zhihang.adapter.rest.client.backup;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.backup.KeyBackupQueries;
import io.zhihang.application.port.in.backup.KeyBackupVersionsUseCase;
import io.zhihang.domain.backup.BackupInfo;
import io.zhihang.domain.backup.BackupInfoUpdate;
import io.zhihang.domain.backup.KeyBackup;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** The versions of the caller's server-side key backup ({@code /room_keys/version}). */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RoomKeysVersionResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final KeyBackupVersionsUseCase versions;
    private final KeyBackupQueries queries;

    public RoomKeysVersionResource(Authenticator auth, JsonBodies json, KeyBackupVersionsUseCase versions,
                                   KeyBackupQueries queries) {
        this.auth = auth;
        this.json = json;
        this.versions = versions;
        this.queries = queries;
    }

    @POST
    @Path("v3/room_keys/version")
    public Map<String, Object> create(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        BackupInfo info = BackupInfo.fromRequest(json.readClientData(body, false));
        return Map.of("version", versions.create(requester, info).toString());
    }

    @GET
    @Path("v3/room_keys/version")
    public JsonObject current(@Context HttpServerRequest request) {
        return render(queries.current(auth.require(request)));
    }

    @GET
    @Path("v3/room_keys/version/{backup}")
    public JsonObject version(@PathParam("backup") String backup, @Context HttpServerRequest request) {
        return render(queries.version(auth.require(request), backup));
    }

    @PUT
    @Path("v3/room_keys/version/{backup}")
    public Map<String, Object> update(@PathParam("backup") String backup, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        versions.update(requester, backup, BackupInfoUpdate.fromRequest(json.readClientData(body, false), backup));
        return Map.of();
    }

    @DELETE
    @Path("v3/room_keys/version/{backup}")
    public Map<String, Object> delete(@PathParam("backup") String backup, @Context HttpServerRequest request) {
        versions.delete(auth.require(request), backup);
        return Map.of();
    }

    private static JsonObject render(KeyBackup backup) {
        return JsonObject.builder()
                .put("algorithm", backup.info().algorithm())
                .put("auth_data", backup.info().authData())
                .put("count", backup.count())
                .put("etag", backup.etagString())
                .put("version", backup.version().toString())
                .build();
    }
}
