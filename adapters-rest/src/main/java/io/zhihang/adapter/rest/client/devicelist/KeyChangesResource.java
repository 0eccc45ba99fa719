package io.zhihang.adapter.rest.client.devicelist;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.sync.DeviceListChangesQuery;
import io.zhihang.application.port.in.sync.SyncResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code GET /keys/changes?from=&to=}: users whose device lists changed between two sync tokens. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class KeyChangesResource {
    private final Authenticator auth;
    private final DeviceListChangesQuery changes;

    public KeyChangesResource(Authenticator auth, DeviceListChangesQuery changes) {
        this.auth = auth;
        this.changes = changes;
    }

    @GET
    @Path("v3/keys/changes")
    public Map<String, Object> changes(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @Context HttpServerRequest request) {
        SyncResult.DeviceLists lists = changes.changes(auth.requireAllowingGuests(request), from, to);
        return Map.of("changed", lists.changed(), "left", lists.left());
    }

    /** Synapse serves every {@code /keys/…} endpoint under {@code /unstable/} too. */
    @GET
    @Path("unstable/keys/changes")
    public Map<String, Object> unstableChanges(@QueryParam("from") String from, @QueryParam("to") String to,
                                               @Context HttpServerRequest request) {
        return changes(from, to, request);
    }
}
