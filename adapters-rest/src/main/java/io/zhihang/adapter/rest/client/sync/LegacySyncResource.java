package io.zhihang.adapter.rest.client.sync;

import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.sync.LegacySyncQueries;
import io.zhihang.application.port.in.sync.LegacySyncQueries.RoomSnapshot;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deprecated {@code GET /rooms/{roomId}/initialSync}, {@code GET /initialSync} and {@code GET /events}, which
 * clients use to peek into world-readable rooms. Guests may use them (Synapse's {@code allow_guest=True}), but
 * {@code /events} only with a {@code room_id}. {@code /events} long-polls on a virtual thread, as {@code /sync}.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class LegacySyncResource {
    /** Synapse's {@code EventStreamRestServlet.DEFAULT_LONGPOLL_TIME_MS}. */
    private static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** Synapse's default page size of an initial sync's messages. */
    private static final int DEFAULT_LIMIT = 10;

    private final Authenticator auth;
    private final LegacySyncQueries queries;

    public LegacySyncResource(Authenticator auth, LegacySyncQueries queries) {
        this.auth = auth;
        this.queries = queries;
    }

    @GET
    @Path("v3/rooms/{roomId}/initialSync")
    public Map<String, Object> roomInitialSync(@PathParam("roomId") String roomId, @QueryParam("limit") String limit,
                                               @Context HttpServerRequest request) {
        RoomSnapshot room = queries.room(auth.requireAllowingGuests(request), roomId,
                QueryParams.limit(limit, DEFAULT_LIMIT));
        return json(room);
    }

    @GET
    @Path("v3/initialSync")
    public Map<String, Object> initialSync(@QueryParam("limit") String limit, @QueryParam("archived") String archived,
                                           @Context HttpServerRequest request) {
        var snapshot = queries.all(auth.requireAllowingGuests(request), QueryParams.limit(limit, DEFAULT_LIMIT),
                Boolean.TRUE.equals(QueryParams.optionalBoolean("archived", archived)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rooms", snapshot.rooms().stream().map(LegacySyncResource::json).toList());
        out.put("presence", snapshot.presence());
        out.put("account_data", snapshot.accountData());
        out.put("receipts", snapshot.receipts());
        out.put("end", snapshot.end());
        return out;
    }

    @GET
    @Path("v3/events")
    @RunOnVirtualThread
    public Map<String, Object> events(@QueryParam("from") String from, @QueryParam("timeout") String timeout,
                                      @QueryParam("room_id") String roomId, @Context HttpServerRequest request) {
        var page = queries.events(auth.requireAllowingGuests(request), blankToNull(from), timeout(timeout),
                blankToNull(roomId));
        return Map.of("chunk", page.chunk(), "start", page.start(), "end", page.end());
    }

    private static Map<String, Object> json(RoomSnapshot room) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room_id", room.roomId());
        if (room.membership() != null) {
            out.put("membership", room.membership());
        }
        if (room.visibility() != null) {
            out.put("visibility", room.visibility());
        }
        if (room.inviter() != null) {
            out.put("inviter", room.inviter());
        }
        if (room.invite() != null) {
            out.put("invite", room.invite());
        }
        if (room.messages() != null) {
            out.put("messages", Map.of("chunk", room.messages(), "start", room.start(), "end", room.end()));
        }
        if (room.state() != null) {
            out.put("state", room.state());
        }
        if (room.presence() != null) {
            out.put("presence", room.presence());
        }
        if (room.receipts() != null) {
            out.put("receipts", room.receipts());
        }
        if (room.accountData() != null) {
            out.put("account_data", room.accountData());
        }
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long timeout(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_TIMEOUT_MS;
        }
        try {
            return Math.max(0, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw DomainException.invalidParam("timeout must be an integer (milliseconds)");
        }
    }
}
