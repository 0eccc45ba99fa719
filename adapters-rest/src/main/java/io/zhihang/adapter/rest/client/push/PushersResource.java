package io.zhihang.adapter.rest.client.push;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.push.PusherQueries;
import io.zhihang.application.port.in.push.SetPusherCommand;
import io.zhihang.application.port.in.push.SetPusherUseCase;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.push.Pusher;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code GET /pushers} and {@code POST /pushers/set} ({@code kind: null} deletes). */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class PushersResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final PusherQueries queries;
    private final SetPusherUseCase set;

    public PushersResource(Authenticator auth, JsonBodies json, PusherQueries queries, SetPusherUseCase set) {
        this.auth = auth;
        this.json = json;
        this.queries = queries;
        this.set = set;
    }

    @GET
    @Path("v3/pushers")
    public Map<String, Object> pushers(@Context HttpServerRequest request) {
        return Map.of("pushers", queries.pushers(auth.require(request)).stream().map(Pusher::toJson).toList());
    }

    @POST
    @Path("v3/pushers/set")
    public Map<String, Object> set(byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readObject(body);
        String appId = PushBodies.optionalString(b, "app_id");
        String pushkey = PushBodies.optionalString(b, "pushkey");
        JsonValue kind = b.members().get("kind");
        if (kind == null) {
            throw DomainException.missingParam("Missing 'kind'");
        }
        boolean append = b.has("append") && b.bool("append")
                .orElseThrow(() -> DomainException.badJson("'append' must be a boolean"));
        Pusher pusher = null;
        if (!(kind instanceof JsonNull)) {
            JsonValue data = b.members().get("data");
            if (data != null && !(data instanceof JsonObject)) {
                throw DomainException.badJson("'data' must be an object");
            }
            pusher = new Pusher(pushkey, PushBodies.optionalString(b, "kind"), appId,
                    PushBodies.optionalString(b, "app_display_name"),
                    PushBodies.optionalString(b, "device_display_name"),
                    PushBodies.optionalString(b, "profile_tag"), PushBodies.optionalString(b, "lang"),
                    (JsonObject) data);
        }
        set.set(new SetPusherCommand(requester, appId, pushkey, pusher, append));
        return Map.of();
    }
}
