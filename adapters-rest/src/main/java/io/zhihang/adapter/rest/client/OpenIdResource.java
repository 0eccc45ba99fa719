package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.adapter.rest.json.JsonBodies;
import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.openid.RequestOpenIdTokenUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.openid.OpenIdToken;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code POST /user/{userId}/openid/request_token}: a token the user gives a widget or Element Call, which learns the
 * user's id with it at {@code /_matrix/federation/v1/openid/userinfo} and can do nothing else.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class OpenIdResource {
    private final Authenticator auth;
    private final JsonBodies json;
    private final RequestOpenIdTokenUseCase openId;
    private final HomeserverSettings settings;

    public OpenIdResource(Authenticator auth, JsonBodies json, RequestOpenIdTokenUseCase openId,
                          HomeserverSettings settings) {
        this.auth = auth;
        this.json = json;
        this.openId = openId;
        this.settings = settings;
    }

    @POST
    @Path("v3/user/{userId}/openid/request_token")
    public Map<String, Object> requestToken(@PathParam("userId") String userId, byte[] body,
                                            @Context HttpServerRequest request) {
        Requester requester = auth.require(request);
        json.readObject(body == null || body.length == 0 ? new byte[]{'{', '}'} : body);
        OpenIdToken token = openId.request(requester, UserIds.parse(userId));
        return Map.of("access_token", token.token(), "token_type", "Bearer",
                "matrix_server_name", settings.serverName().value(),
                "expires_in", OpenIdToken.LIFETIME.toSeconds());
    }
}
