package io.zhihang.adapter.rest.federation;

import io.zhihang.application.port.in.openid.OpenIdUserInfoQueries;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code GET /_matrix/federation/v1/openid/userinfo?access_token=}: who an OpenID token belongs to, for the third
 * party the user gave it to. The token is the only credential (no server signature): {@code {"sub": userId}}, or
 * {@code 401 M_UNKNOWN_TOKEN} for a token that is unknown or expired.
 */
@Path("/_matrix/federation/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OpenIdUserInfoResource {
    private final OpenIdUserInfoQueries openId;

    public OpenIdUserInfoResource(OpenIdUserInfoQueries openId) {
        this.openId = openId;
    }

    @GET
    @Path("openid/userinfo")
    public Map<String, Object> userInfo(@QueryParam("access_token") String token) {
        if (token == null || token.isEmpty()) {
            throw DomainException.missingParam("Missing access_token");
        }
        return openId.userOf(token)
                .<Map<String, Object>>map(user -> Map.of("sub", user.toString()))
                .orElseThrow(() -> new DomainException(ErrorKind.UNKNOWN_TOKEN, "Access Token unknown or expired"));
    }
}
