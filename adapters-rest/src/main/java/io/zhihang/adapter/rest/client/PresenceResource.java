package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.presence.PresenceQueries;
import io.zhihang.application.port.in.presence.SetPresenceUseCase;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A user's presence: {@code {presence, status_msg?}} in, {@code {presence, last_active_ago?, …}} out. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final SetPresenceUseCase set;
    private final PresenceQueries queries;

    public PresenceResource(Authenticator auth, JsonBodies json, SetPresenceUseCase set, PresenceQueries queries) {
        this.auth = auth;
        this.json = json;
        this.set = set;
        this.queries = queries;
    }

    @GET
    @Path("v3/presence/{userId}/status")
    public JsonObject presence(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        return queries.presence(requester, UserIds.parse(userId));
    }

    @PUT
    @Path("v3/presence/{userId}/status")
    public Map<String, Object> setPresence(@PathParam("userId") String userId, byte[] body,
                                           @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readObject(body);
        String presence = string(b, "presence");
        if (presence == null) {
            throw DomainException.missingParam("Missing 'presence'");
        }
        set.setPresence(requester, UserIds.parse(userId), presence, string(b, "status_msg"));
        return Map.of();
    }

    /** A string member; absent or null gives null, another type is {@code M_BAD_JSON}. */
    private static String string(JsonObject body, String key) {
        JsonValue v = body.members().get(key);
        return switch (v) {
            case null -> null;
            case JsonNull n -> null;
            case JsonString s -> s.value();
            default -> throw DomainException.badJson("'" + key + "' must be a string");
        };
    }
}
