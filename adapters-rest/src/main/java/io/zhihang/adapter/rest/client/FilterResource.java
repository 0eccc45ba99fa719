package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.filter.CreateFilterUseCase;
import io.zhihang.application.port.in.filter.FilterQueries;
import io.zhihang.domain.protocol.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Stored sync filters of the calling user. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class FilterResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final CreateFilterUseCase create;
    private final FilterQueries queries;

    public FilterResource(Authenticator auth, JsonBodies json, CreateFilterUseCase create, FilterQueries queries) {
        this.auth = auth;
        this.json = json;
        this.create = create;
        this.queries = queries;
    }

    @POST
    @Path("v3/user/{userId}/filter")
    public Map<String, Object> create(@PathParam("userId") String userId, byte[] body,
                                      @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return Map.of("filter_id", create.createFilter(requester, UserIds.parse(userId), json.readObject(body)));
    }

    @GET
    @Path("v3/user/{userId}/filter/{filterId}")
    public JsonObject filter(@PathParam("userId") String userId, @PathParam("filterId") String filterId,
                             @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return queries.filter(requester, UserIds.parse(userId), filterId);
    }
}
