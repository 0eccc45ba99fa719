package io.zhihang.adapter.rest.synapse;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.client.WhoisResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Synapse's admin API {@code GET /_synapse/admin/v1/whois/{userId}}: the client API's whois, as synadm asks it. */
@Path("/_synapse/admin")
@Produces(MediaType.APPLICATION_JSON)
public class SynapseWhoisResource {
    private final WhoisResource whois;

    public SynapseWhoisResource(WhoisResource whois) {
        this.whois = whois;
    }

    @GET
    @Path("v1/whois/{userId}")
    public Map<String, Object> whois(@PathParam("userId") String userId, @Context HttpServerRequest request) {
        return whois.whois(userId, request);
    }
}
