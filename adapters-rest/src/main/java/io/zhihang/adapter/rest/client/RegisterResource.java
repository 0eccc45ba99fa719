package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.v3.dto.AuthDict;
import io.zhihang.adapter.rest.client.v3.dto.LoginResponse;
import io.zhihang.adapter.rest.client.v3.dto.RegisterRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.RegisterAccountUseCase;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.RegistrationResult;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code POST /register} (User-Interactive Authentication) and {@code GET /register/available}. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {
    private final RegisterAccountUseCase register;
    private final JsonBodies json;
    private final HomeserverSettings settings;

    public RegisterResource(RegisterAccountUseCase register, JsonBodies json, HomeserverSettings settings) {
        this.register = register;
        this.json = json;
        this.settings = settings;
    }

    @POST
    @Path("v3/register")
    public Object register(@QueryParam("kind") String kind, byte[] body, @Context HttpServerRequest request) {
        RegisterRequest r = json.readOptional(body, RegisterRequest.class);
        RegistrationResult result = register.register(new RegisterCommand(
                kind == null ? r.kind() : kind, r.username(), r.password(), r.deviceId(),
                r.initialDeviceDisplayName(), Boolean.TRUE.equals(r.inhibitLogin()),
                Boolean.TRUE.equals(r.refreshToken()), AuthDict.toUia(r.auth()), Authenticator.clientIp(request),
                r.guestAccessToken()));
        return result.session()
                .<Object>map(s -> LoginResponse.of(s, settings.serverName().value(), null))
                .orElseGet(() -> Map.of("user_id", result.userId().toString(),
                        "home_server", settings.serverName().value()));
    }

    @GET
    @Path("v3/register/available")
    public Map<String, Object> available(@QueryParam("username") String username,
                                         @Context HttpServerRequest request) {
        if (username == null) {
            throw DomainException.missingParam("Missing username");
        }
        register.checkAvailable(username, Authenticator.clientIp(request));
        return Map.of("available", true);
    }
}
