package io.zhihang.adapter.rest.client;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.RegistrationTokenValidityQuery;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code GET /_matrix/client/v1/register/m.login.registration_token/validity}: whether a registration token would
 * be accepted now. Refused with 403 when registration is closed, as Synapse.
 */
@Path("/_matrix/client/v1/register/m.login.registration_token/validity")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationTokenValidityResource {
    private final RegistrationTokenValidityQuery validity;
    private final HomeserverSettings settings;

    public RegistrationTokenValidityResource(RegistrationTokenValidityQuery validity, HomeserverSettings settings) {
        this.validity = validity;
        this.settings = settings;
    }

    @GET
    public Map<String, Object> validity(@QueryParam("token") String token) {
        if (!settings.registrationEnabled()) {
            throw DomainException.forbidden("Registration is disabled");
        }
        if (token == null) {
            throw DomainException.missingParam("Missing string query parameter 'token'");
        }
        return Map.of("valid", validity.isValid(token));
    }
}
