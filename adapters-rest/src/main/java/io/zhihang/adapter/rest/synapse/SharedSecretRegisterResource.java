package io.zhihang.adapter.rest.synapse;

import io.zhihang.adapter.rest.client.v3.dto.LoginResponse;
import io.zhihang.adapter.rest.client.v3.dto.SharedSecretRegisterRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.SharedSecretRegisterCommand;
import io.zhihang.application.port.in.auth.SharedSecretRegistrationUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Synapse's shared-secret registration, as {@code register_new_matrix_user} and synadm use it. */
@Path("/_synapse/admin/v1/register")
@Produces(MediaType.APPLICATION_JSON)
public class SharedSecretRegisterResource {
    private final SharedSecretRegistrationUseCase registration;
    private final JsonBodies json;
    private final HomeserverSettings settings;

    public SharedSecretRegisterResource(SharedSecretRegistrationUseCase registration, JsonBodies json,
                                        HomeserverSettings settings) {
        this.registration = registration;
        this.json = json;
        this.settings = settings;
    }

    @GET
    public Map<String, Object> nonce() {
        return Map.of("nonce", registration.newNonce());
    }

    @POST
    public LoginResponse register(byte[] body) {
        SharedSecretRegisterRequest r = json.read(body, SharedSecretRegisterRequest.class);
        var session = registration.register(new SharedSecretRegisterCommand(r.nonce(), r.username(), r.displayname(),
                r.password(), Boolean.TRUE.equals(r.admin()), r.userType(), r.mac()));
        return LoginResponse.of(session, settings.serverName().value(), null);
    }
}
