package io.zhihang.adapter.rest.client.search;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.search.RoomEventSearchResults;
import io.zhihang.application.port.in.search.SearchQueries;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /search}: server-side search of room events. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final SearchQueries search;

    public SearchResource(Authenticator auth, JsonBodies json, SearchQueries search) {
        this.auth = auth;
        this.json = json;
        this.search = search;
    }

    @POST
    @Path("v3/search")
    public Map<String, Object> search(@QueryParam("next_batch") String nextBatch, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        var query = SearchRequests.roomEvents(requester, json.readObject(body), nextBatch);
        return Map.of("search_categories", Map.of("room_events", roomEvents(search.searchRoomEvents(query))));
    }

    private static Map<String, Object> roomEvents(RoomEventSearchResults found) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", found.count());
        out.put("highlights", found.highlights());
        out.put("results", found.results().stream().map(SearchResource::result).toList());
        if (found.nextBatch() != null) {
            out.put("next_batch", found.nextBatch());
        }
        if (found.state() != null) {
            out.put("state", found.state());
        }
        if (!found.groups().isEmpty()) {
            Map<String, Object> groups = new LinkedHashMap<>();
            found.groups().forEach((key, values) -> {
                Map<String, Object> byValue = new LinkedHashMap<>();
                values.forEach((value, group) -> byValue.put(value, group(group)));
                groups.put(key, byValue);
            });
            out.put("groups", groups);
        }
        return out;
    }

    private static Map<String, Object> result(RoomEventSearchResults.Result result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rank", result.rank());
        out.put("result", result.event());
        out.put("context", result.context() == null ? Map.of() : context(result.context()));
        return out;
    }

    private static Map<String, Object> context(RoomEventSearchResults.Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events_before", context.eventsBefore());
        out.put("events_after", context.eventsAfter());
        out.put("start", context.start());
        out.put("end", context.end());
        if (context.profileInfo() != null) {
            out.put("profile_info", context.profileInfo());
        }
        return out;
    }

    private static Map<String, Object> group(RoomEventSearchResults.Group group) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", group.results());
        out.put("order", group.order());
        if (group.nextBatch() != null) {
            out.put("next_batch", group.nextBatch());
        }
        return out;
    }
}
