package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.client.v3.dto.LoginRequest;
import io.zhihang.adapter.rest.client.v3.dto.LoginResponse;
import io.zhihang.adapter.rest.client.v3.dto.RefreshRequest;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.LoginCommand;
import io.zhihang.application.port.in.auth.LoginUseCase;
import io.zhihang.application.port.in.auth.LogoutUseCase;
import io.zhihang.application.port.in.auth.RefreshTokenUseCase;
import io.zhihang.domain.shared.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Login, logout and token refresh. */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {
    private final LoginUseCase login;
    private final LogoutUseCase logout;
    private final RefreshTokenUseCase refresh;
    private final Authenticator auth;
    private final JsonBodies json;
    private final HomeserverSettings settings;

    public LoginResource(LoginUseCase login, LogoutUseCase logout, RefreshTokenUseCase refresh, Authenticator auth,
                         JsonBodies json, HomeserverSettings settings) {
        this.login = login;
        this.logout = logout;
        this.refresh = refresh;
        this.auth = auth;
        this.json = json;
        this.settings = settings;
    }

    @GET
    @Path("v3/login")
    public Map<String, Object> flows() {
        return Map.of("flows", List.of(Map.of("type", "m.login.password")));
    }

    @POST
    @Path("v3/login")
    public LoginResponse login(byte[] body, @Context HttpServerRequest request) {
        LoginRequest r = json.read(body, LoginRequest.class);
        String identifierType = r.identifier() == null ? null : r.identifier().type();
        String user = r.identifier() != null && r.identifier().user() != null ? r.identifier().user() : r.user();
        IssuedSession session = login.login(new LoginCommand(r.type(), identifierType, user, r.password(),
                r.deviceId(), r.initialDeviceDisplayName(), Boolean.TRUE.equals(r.refreshToken()),
                Authenticator.clientIp(request)));
        return LoginResponse.of(session, settings.serverName().value(), ServerInfoResource.wellKnown(settings));
    }

    @POST
    @Path("v3/logout")
    public Map<String, Object> logout(@Context HttpServerRequest request) {
        logout.logout(auth.require(request));
        return Map.of();
    }

    @POST
    @Path("v3/logout/all")
    public Map<String, Object> logoutAll(@Context HttpServerRequest request) {
        logout.logoutAll(auth.require(request));
        return Map.of();
    }

    @POST
    @Path("v3/refresh")
    public LoginResponse refresh(byte[] body) {
        RefreshRequest r = json.read(body, RefreshRequest.class);
        if (r.refreshToken() == null) {
            throw DomainException.missingParam("Missing refresh_token");
        }
        IssuedSession s = refresh.refresh(r.refreshToken());
        return new LoginResponse(null, s.accessToken(), null, null, s.refreshToken(), s.expiresIn().toMillis(), null);
    }
}
