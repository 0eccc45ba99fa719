package io.zhihang.adapter.rest.client.push;

import io.zhihang.adapter.rest.json.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.push.NotificationCounts;
import io.zhihang.application.port.in.push.NotificationQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /notifications}, and the seed document's unread counts of one room. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    private final Authenticator auth;
    private final NotificationQueries queries;

    public NotificationsResource(Authenticator auth, NotificationQueries queries) {
        this.auth = auth;
        this.queries = queries;
    }

    @GET
    @Path("v3/notifications")
    public Map<String, Object> notifications(@QueryParam("from") String from, @QueryParam("limit") String limit,
                                             @QueryParam("only") String only, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var page = queries.notifications(requester, from == null || from.isEmpty() ? null : from,
                QueryParams.limit(limit, NotificationQueries.DEFAULT_LIMIT), "highlight".equals(only));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("notifications", page.notifications());
        if (page.nextToken() != null) {
            response.put("next_token", page.nextToken());
        }
        return response;
    }

    /** The seed's {@code GET /_matrix/client/r0/rooms/{roomId}/unread} (v3 too): the caller must be joined. */
    @GET
    @Path("v3/rooms/{roomId}/unread")
    public Map<String, Object> unread(@PathParam("roomId") String roomId, @Context HttpServerRequest request) {
        NotificationCounts counts = queries.unread(auth.require(request), roomId);
        return Map.of("notification_count", counts.notificationCount(), "highlight_count", counts.highlightCount());
    }
}
