package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.device.WhoisQueries;
import io.zhihang.domain.account.Device;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_matrix/client/v3/admin/whois/{userId}} (server admins, or a user for themselves; Synapse's admin path
 * {@code /_synapse/admin/v1/whois/{userId}} answers the same): each device with one session whose one connection is where the device
 * was last seen (Zhihang keeps the last address and time per device, no user agents).
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class WhoisResource {
    private final Authenticator auth;
    private final WhoisQueries whois;

    public WhoisResource(Authenticator auth, WhoisQueries whois) {
        this.auth = auth;
        this.whois = whois;
    }

    @GET
    @Path("v3/admin/whois/{userId}")
    public Map<String, Object> whois(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        List<Device> devices = whois.whois(auth.require(request), UserIds.parse(userId));
        Map<String, Object> byId = new LinkedHashMap<>();
        for (Device d : devices) {
            List<Map<String, Object>> connections = d.lastSeenTs() == null ? List.of() : List.of(connection(d));
            byId.put(d.deviceId().value(), Map.of("sessions", List.of(Map.of("connections", connections))));
        }
        return Map.of("user_id", UserIds.parse(userId).toString(), "devices", byId);
    }

    private static Map<String, Object> connection(Device d) {
        Map<String, Object> c = new HashMap<>();
        c.put("last_seen", d.lastSeenTs().toEpochMilli());
        if (d.lastSeenIp() != null) {
            c.put("ip", d.lastSeenIp());
        }
        return c;
    }
}
