package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/** {@code GET /_synapse/admin/v1/server_version} (synadm's {@code version}): Zhihang's version, for server admins. */
@Path("/_synapse/admin/v1/server_version")
@Produces(MediaType.APPLICATION_JSON)
public class AdminServerResource {
    private final AdminRequests admins;
    private final String version;

    public AdminServerResource(AdminRequests admins,
                               @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                               String version) {
        this.admins = admins;
        this.version = version;
    }

    @GET
    public Map<String, Object> serverVersion(@Context HttpServerRequest request) {
        admins.requireAdmin(request);
        return Map.of("server_version", "Zhihang " + version);
    }
}
