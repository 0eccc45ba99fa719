package io.zhihang.adapter.rest.client.room;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.Fields;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.typing.TypingUseCase;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Typing notices: {@code {"typing": true, "timeout": 30000}} or {@code {"typing": false}}. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class TypingResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final TypingUseCase typing;

    public TypingResource(Authenticator auth, JsonBodies json, TypingUseCase typing) {
        this.auth = auth;
        this.json = json;
        this.typing = typing;
    }

    @PUT
    @Path("v3/rooms/{roomId}/typing/{userId}")
    public Map<String, Object> setTyping(@PathParam("roomId") String roomId, @PathParam("userId") String userId,
                                         byte[] body, @Context HttpServerRequest request) {
        var requester = auth.require(request);
        JsonObject b = json.readObject(body);
        if (!b.has("typing")) {
            throw DomainException.missingParam("Missing 'typing'");
        }
        typing.setTyping(requester, roomId, userId(userId), Fields.bool(b, "typing"), timeout(b));
        return Map.of();
    }

    private static Long timeout(JsonObject body) {
        JsonValue v = body.members().get("timeout");
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.value();
        }
        throw DomainException.badJson("'timeout' must be an integer");
    }

    private static UserId userId(String raw) {
        try {
            return UserId.parse(raw);
        } catch (DomainException e) {
            throw DomainException.invalidParam("Invalid user id: " + raw);
        }
    }
}
