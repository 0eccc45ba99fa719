package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.application.port.in.admin.status.ServerStatus;
import io.zhihang.application.port.in.admin.status.ServerStatusQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's {@code GET /_synapse/admin/v1/status} (no Synapse equivalent): {@code status}, {@code server_version},
 * {@code uptime_seconds} (of this process), {@code database} ({@code h2} or {@code postgresql}), {@code users} (active
 * local accounts, the server-notices system user left out) and {@code rooms}. Admins only.
 */
@Path("/_synapse/admin/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatusResource {
    private final AdminRequests admins;
    private final ServerStatusQuery status;
    private final String version;
    private final String database;

    public AdminStatusResource(AdminRequests admins, ServerStatusQuery status,
                               @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                               String version,
                               @ConfigProperty(name = "zhihang.database.kind", defaultValue = "h2") String database) {
        this.admins = admins;
        this.status = status;
        this.version = version;
        this.database = database.toLowerCase(Locale.ROOT);
    }

    @GET
    public Map<String, Object> status(@Context HttpServerRequest request) {
        ServerStatus counts = status.status(admins.requireAdmin(request));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("server_version", "Zhihang " + version);
        out.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        out.put("database", database);
        out.put("users", counts.users());
        out.put("rooms", counts.rooms());
        return out;
    }
}
