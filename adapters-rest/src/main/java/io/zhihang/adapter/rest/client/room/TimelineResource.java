package io.zhihang.adapter.rest.client.room;

import io.zhihang.adapter.rest.json.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.room.ContextQuery;
import io.zhihang.application.port.in.room.TimelineQueries;
import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonException;
import io.zhihang.domain.protocol.json.JsonObject;
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

/** Finding a place in a room's timeline: {@code /context} (v3) and {@code /timestamp_to_event} (v1). */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    private final Authenticator auth;
    private final TimelineQueries queries;

    public TimelineResource(Authenticator auth, TimelineQueries queries) {
        this.auth = auth;
        this.queries = queries;
    }

    @GET
    @Path("v3/rooms/{roomId}/context/{eventId}")
    public Map<String, Object> context(@PathParam("roomId") String roomId, @PathParam("eventId") String eventId,
                                       @QueryParam("limit") String limit, @QueryParam("filter") String filter,
                                       @Context HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        var context = queries.context(new ContextQuery(requester, roomId, eventId,
                QueryParams.limit(limit, ContextQuery.DEFAULT_LIMIT), lazyLoadMembers(filter)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("event", context.event());
        response.put("events_before", context.eventsBefore());
        response.put("events_after", context.eventsAfter());
        response.put("start", context.start());
        response.put("end", context.end());
        response.put("state", context.state());
        return response;
    }

    @GET
    @Path("v1/rooms/{roomId}/timestamp_to_event")
    public Map<String, Object> timestampToEvent(@PathParam("roomId") String roomId, @QueryParam("ts") String ts,
                                                @QueryParam("dir") String dir, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var found = queries.closestEvent(requester, roomId, QueryParams.requiredLong("ts", ts),
                !QueryParams.backwards(dir, null));
        return Map.of("event_id", found.eventId(), "origin_server_ts", found.originServerTs());
    }

    /**
     * Of a {@code RoomEventFilter} given inline as JSON, only {@code lazy_load_members} is honoured. Stored filters do
     * not exist yet, so a filter id is ignored.
     */
    private static boolean lazyLoadMembers(String filter) {
        if (filter == null || !filter.stripLeading().startsWith("{")) {
            return false;
        }
        try {
            JsonObject parsed = Json.parseObject(filter);
            return parsed.bool("lazy_load_members").orElse(false);
        } catch (JsonException e) {
            throw DomainException.badJson("filter is not valid JSON: " + e.getMessage());
        }
    }
}
