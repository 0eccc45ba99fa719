package io.zhihang.adapter.rest.client.sync;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.sync.SyncRequest;
import io.zhihang.application.port.in.sync.SyncUseCase;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code GET /sync}. Runs on a virtual thread: a long-poll parks there while it waits, so a thousand idle clients
 * cost a thousand parked virtual threads, not a thousand worker threads or database connections.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final Authenticator auth;
    private final SyncUseCase sync;

    public SyncResource(Authenticator auth, SyncUseCase sync) {
        this.auth = auth;
        this.sync = sync;
    }

    @GET
    @Path("v3/sync")
    @RunOnVirtualThread
    public Map<String, Object> sync(@QueryParam("since") String since, @QueryParam("filter") String filter,
                                    @QueryParam("full_state") String fullState,
                                    @QueryParam("set_presence") String setPresence,
                                    @QueryParam("timeout") String timeout, @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        var result = sync.sync(new SyncRequest(requester, blankToNull(since), blankToNull(filter),
                bool("full_state", fullState), timeout(timeout), presence(setPresence)));
        return SyncJson.of(result);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean bool(String name, String raw) {
        if (raw == null) {
            return false;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalidParam(name + " must be 'true' or 'false'");
        };
    }

    private static long timeout(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("timeout must be an integer (milliseconds)");
        }
    }

    private static String presence(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "online", "offline", "unavailable" -> raw;
            default -> throw DomainException.invalidParam("set_presence must be online, offline or unavailable");
        };
    }
}
