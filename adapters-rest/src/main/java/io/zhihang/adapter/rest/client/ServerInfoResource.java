package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.RoomSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Discovery: spec versions, the client well-known document, and capabilities. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class ServerInfoResource {
    /** The spec versions whose APIs this server offers; matrix-js-sdk needs one of v1.1–v1.13. */
    static final List<String> VERSIONS = List.of(
            "r0.0.1", "r0.1.0", "r0.2.0", "r0.3.0", "r0.4.0", "r0.5.0", "r0.6.0", "r0.6.1",
            "v1.1", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "v1.7", "v1.8", "v1.9", "v1.10", "v1.11");

    /** MSC4140 delayed events: always on (Synapse ties it to {@code max_event_delay_duration} being set). */
    static final Map<String, Boolean> UNSTABLE_FEATURES = Map.of("org.matrix.msc4140", true);

    private final HomeserverSettings settings;
    private final RoomSettings rooms;
    private final Authenticator auth;

    public ServerInfoResource(HomeserverSettings settings, RoomSettings rooms, Authenticator auth) {
        this.settings = settings;
        this.rooms = rooms;
        this.auth = auth;
    }

    @GET
    @Path("versions")
    public Map<String, Object> versions() {
        return Map.of("versions", VERSIONS, "unstable_features", UNSTABLE_FEATURES);
    }

    public static Map<String, Object> wellKnown(HomeserverSettings settings) {
        return Map.of("m.homeserver", Map.of("base_url", settings.publicBaseUrl()));
    }

    @GET
    @Path("v3/capabilities")
    public Map<String, Object> capabilities(@Context HttpServerRequest request) {
        auth.requireAllowingGuests(request);
        return Map.of("capabilities", Map.of(
                "m.change_password", Map.of("enabled", true),
                "m.set_displayname", Map.of("enabled", true),
                "m.set_avatar_url", Map.of("enabled", true),
                "m.3pid_changes", Map.of("enabled", false),
                "m.get_login_token", Map.of("enabled", false),
                "m.room_versions", roomVersions()));
    }

    private Map<String, Object> roomVersions() {
        Map<String, String> available = new java.util.TreeMap<>();
        rooms.available().forEach(v -> available.put(v.id(), "stable"));
        return Map.of("default", rooms.defaultVersion().id(), "available", available);
    }
}
