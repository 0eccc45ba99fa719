package io.zhihang.adapter.rest.client.room;

import io.zhihang.adapter.rest.json.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.room.RelationQueries;
import io.zhihang.application.port.in.room.RelationsQuery;
import io.zhihang.application.port.in.room.ThreadsQuery;
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
 * Event relationships: the children of an event and the threads of a room. The spec serves both under
 * {@code /_matrix/client/v1} (where clients call them); {@code v3} and {@code r0} reach the same code.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RelationsResource {
    private final Authenticator auth;
    private final RelationQueries queries;

    public RelationsResource(Authenticator auth, RelationQueries queries) {
        this.auth = auth;
        this.queries = queries;
    }

    @GET
    @Path("{version:v1|v3|r0}/rooms/{roomId}/relations/{eventId}")
    public Map<String, Object> relations(@PathParam("roomId") String roomId, @PathParam("eventId") String eventId,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("limit") String limit, @QueryParam("dir") String dir,
                                         @QueryParam("recurse") String recurse,
                                         @Context HttpServerRequest request) {
        return relations(roomId, eventId, null, null, from, to, limit, dir, recurse, request);
    }

    @GET
    @Path("{version:v1|v3|r0}/rooms/{roomId}/relations/{eventId}/{relType}")
    public Map<String, Object> relationsOfType(@PathParam("roomId") String roomId,
                                               @PathParam("eventId") String eventId,
                                               @PathParam("relType") String relType,
                                               @QueryParam("from") String from, @QueryParam("to") String to,
                                               @QueryParam("limit") String limit, @QueryParam("dir") String dir,
                                               @QueryParam("recurse") String recurse,
                                               @Context HttpServerRequest request) {
        return relations(roomId, eventId, relType, null, from, to, limit, dir, recurse, request);
    }

    @GET
    @Path("{version:v1|v3|r0}/rooms/{roomId}/relations/{eventId}/{relType}/{eventType}")
    public Map<String, Object> relationsOfTypeAndEventType(@PathParam("roomId") String roomId,
                                                           @PathParam("eventId") String eventId,
                                                           @PathParam("relType") String relType,
                                                           @PathParam("eventType") String eventType,
                                                           @QueryParam("from") String from,
                                                           @QueryParam("to") String to,
                                                           @QueryParam("limit") String limit,
                                                           @QueryParam("dir") String dir,
                                                           @QueryParam("recurse") String recurse,
                                                           @Context HttpServerRequest request) {
        return relations(roomId, eventId, relType, eventType, from, to, limit, dir, recurse, request);
    }

    @GET
    @Path("{version:v1|v3|r0}/rooms/{roomId}/threads")
    public Map<String, Object> threads(@PathParam("roomId") String roomId, @QueryParam("include") String include,
                                       @QueryParam("from") String from, @QueryParam("limit") String limit,
                                       @Context HttpServerRequest request) {
        var requester = auth.require(request);
        boolean participated = switch (include == null ? "all" : include) {
            case "all" -> false;
            case "participated" -> true;
            default -> throw DomainException.invalidParam("include must be 'all' or 'participated'");
        };
        var page = queries.threads(new ThreadsQuery(requester, roomId, participated, from,
                QueryParams.limit(limit, ThreadsQuery.DEFAULT_LIMIT)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("chunk", page.chunk());
        if (page.nextBatch() != null) {
            response.put("next_batch", page.nextBatch());
        }
        return response;
    }

    /**
     * Relations are not followed recursively; a client that asks for it is told the depth actually used (1), as the
     * spec requires whenever {@code recurse} is given.
     */
    private Map<String, Object> relations(String roomId, String eventId, String relType, String eventType,
                                          String from, String to, String limit, String dir, String recurse,
                                          HttpServerRequest request) {
        var requester = auth.requireAllowingGuests(request);
        Boolean recursive = QueryParams.optionalBoolean("recurse", recurse);
        var page = queries.relations(new RelationsQuery(requester, roomId, eventId, relType, eventType, from, to,
                QueryParams.limit(limit, RelationsQuery.DEFAULT_LIMIT), QueryParams.backwards(dir, true)));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("chunk", page.chunk());
        if (page.nextBatch() != null) {
            response.put("next_batch", page.nextBatch());
        }
        if (page.prevBatch() != null) {
            response.put("prev_batch", page.prevBatch());
        }
        if (recursive != null) {
            response.put("recursion_depth", 1);
        }
        return response;
    }
}
