package io.zhihang.adapter.rest.client;

import io.zhihang.application.config.HomeserverSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code GET /.well-known/matrix/client}: where clients find this homeserver. */
@Path("/.well-known/matrix")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {
    private final HomeserverSettings settings;

    public WellKnownResource(HomeserverSettings settings) {
        this.settings = settings;
    }

    @GET
    @Path("client")
    public Map<String, Object> client() {
        return ServerInfoResource.wellKnown(settings);
    }
}
