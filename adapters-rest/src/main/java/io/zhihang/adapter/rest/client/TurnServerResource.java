package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.turn.TurnServerQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code GET /voip/turnServer}: {@code {username, password, ttl (seconds), uris}}, or {@code {}} when no TURN
 * server is configured (clients ask at start and then place calls without one).
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class TurnServerResource {
    private final Authenticator auth;
    private final TurnServerQueries turn;

    public TurnServerResource(Authenticator auth, TurnServerQueries turn) {
        this.auth = auth;
        this.turn = turn;
    }

    @GET
    @Path("v3/voip/turnServer")
    public Map<String, Object> turnServer(@Context HttpServerRequest request) {
        return turn.credentialsFor(auth.require(request))
                .<Map<String, Object>>map(c -> Map.of("username", c.username(), "password", c.password(),
                        "ttl", c.ttl().toSeconds(), "uris", c.uris()))
                .orElse(Map.of());
    }
}
