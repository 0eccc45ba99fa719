package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.adapter.rest.json.QueryParams;
import io.zhihang.application.port.in.admin.registration.RegistrationTokensUseCase;
import io.zhihang.application.port.in.admin.registration.RegistrationTokensUseCase.NewRegistrationToken;
import io.zhihang.application.port.in.admin.registration.RegistrationTokensUseCase.RegistrationTokenChange;
import io.zhihang.domain.auth.RegistrationToken;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonNull;
import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.protocol.json.JsonString;
import io.zhihang.domain.protocol.json.JsonValue;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Synapse's registration token admin API ({@code docs/admin_api/registration_tokens.md}). Admins only. */
@Path("/_synapse/admin/v1/registration_tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRegistrationTokensResource {
    private final AdminRequests admins;
    private final JsonBodies json;
    private final RegistrationTokensUseCase tokens;

    public AdminRegistrationTokensResource(AdminRequests admins, JsonBodies json, RegistrationTokensUseCase tokens) {
        this.admins = admins;
        this.json = json;
        this.tokens = tokens;
    }

    @GET
    public Map<String, Object> list(@QueryParam("valid") String valid, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        Boolean which = QueryParams.optionalBoolean("valid", valid);
        return Map.of("registration_tokens",
                tokens.list(admin, which).stream().map(AdminRegistrationTokensResource::view).toList());
    }

    @POST
    @Path("new")
    public Map<String, Object> create(byte[] body, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject in = json.readClientData(body, true);
        String token = null;
        if (in.has("token")) {
            if (!(in.members().get("token") instanceof JsonString s)) {
                throw DomainException.invalidParam("token must be a string");
            }
            token = s.value();
        }
        JsonValue length = in.members().get("length");
        int size = RegistrationToken.DEFAULT_LENGTH;
        if (length != null && !(length instanceof JsonNull)) {
            size = (int) integer(length, "length must be an integer");
        }
        return view(tokens.create(admin, AdminRequests.clientIp(request), new NewRegistrationToken(token, size,
                usesAllowed(in), expiryTime(in))));
    }

    @GET
    @Path("{token}")
    public Map<String, Object> get(@PathParam("token") String token, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        return view(tokens.get(admin, token));
    }

    @PUT
    @Path("{token}")
    public Map<String, Object> update(@PathParam("token") String token, byte[] body,
                                      @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        JsonObject in = json.readClientData(body, true);
        return view(tokens.update(admin, AdminRequests.clientIp(request), token, new RegistrationTokenChange(
                in.has("uses_allowed"), usesAllowed(in), in.has("expiry_time"), expiryTime(in))));
    }

    @DELETE
    @Path("{token}")
    public Map<String, Object> delete(@PathParam("token") String token, @Context HttpServerRequest request) {
        Requester admin = admins.requireAdmin(request);
        tokens.delete(admin, AdminRequests.clientIp(request), token);
        return Map.of();
    }

    private static Integer usesAllowed(JsonObject in) {
        JsonValue v = in.members().get("uses_allowed");
        if (v == null || v instanceof JsonNull) {
            return null;
        }
        long value = integer(v, "uses_allowed must be a non-negative integer or null");
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw DomainException.invalidParam("uses_allowed must be a non-negative integer or null");
        }
        return (int) value;
    }

    private static Long expiryTime(JsonObject in) {
        JsonValue v = in.members().get("expiry_time");
        if (v == null || v instanceof JsonNull) {
            return null;
        }
        return integer(v, "expiry_time must be an integer or null");
    }

    private static long integer(JsonValue v, String message) {
        if (v instanceof JsonNumber n) {
            return n.value();
        }
        throw DomainException.invalidParam(message);
    }

    private static Map<String, Object> view(RegistrationToken token) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token.token());
        out.put("uses_allowed", token.usesAllowed());
        out.put("pending", token.pending());
        out.put("completed", token.completed());
        out.put("expiry_time", token.expiryTime());
        return out;
    }
}
