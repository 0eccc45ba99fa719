package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.v3.dto.AuthDict;
import io.zhihang.adapter.rest.client.v3.dto.ChangePasswordRequest;
import io.zhihang.adapter.rest.client.v3.dto.DeactivateRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.port.in.account.ChangePasswordCommand;
import io.zhihang.application.port.in.account.ChangePasswordUseCase;
import io.zhihang.application.port.in.account.DeactivateAccountUseCase;
import io.zhihang.domain.auth.Requester;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** {@code /account/whoami}, {@code /account/password}, {@code /account/deactivate}. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final ChangePasswordUseCase changePassword;
    private final DeactivateAccountUseCase deactivate;

    public AccountResource(Authenticator auth, JsonBodies json, ChangePasswordUseCase changePassword,
                           DeactivateAccountUseCase deactivate) {
        this.auth = auth;
        this.json = json;
        this.changePassword = changePassword;
        this.deactivate = deactivate;
    }

    @GET
    @Path("v3/account/whoami")
    public Map<String, Object> whoami(@Context HttpServerRequest request) {
        Requester requester = auth.requireAllowingGuests(request);
        return Map.of("user_id", requester.userId().toString(),
                "device_id", requester.deviceId().value(),
                "is_guest", requester.guest());
    }

    @POST
    @Path("v3/account/password")
    public Map<String, Object> password(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        ChangePasswordRequest r = json.read(body, ChangePasswordRequest.class);
        changePassword.changePassword(new ChangePasswordCommand(requester, r.newPassword(),
                !Boolean.FALSE.equals(r.logoutDevices()), AuthDict.toUia(r.auth())));
        return Map.of();
    }

    @POST
    @Path("v3/account/deactivate")
    public Map<String, Object> deactivate(byte[] body, @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        DeactivateRequest r = json.readOptional(body, DeactivateRequest.class);
        deactivate.deactivate(requester, AuthDict.toUia(r.auth()), Boolean.TRUE.equals(r.erase()));
        return Map.of("id_server_unbind_result", "no-support");
    }
}
