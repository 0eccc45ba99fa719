package io.zhihang.adapter.rest.client;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/**
 * Third-party identifiers (email addresses, phone numbers). Zhihang sends no email or SMS and trusts no identity
 * server, so, as Synapse with {@code enable_3pid_changes: false} and no email configuration: an account has no
 * third-party identifiers, changes are refused with {@code 400 M_FORBIDDEN}, a verification token cannot be asked
 * for ({@code M_THREEPID_MEDIUM_NOT_SUPPORTED}), binding through an identity server is refused
 * ({@code M_SERVER_NOT_TRUSTED}), and unbinding has nothing to do ({@code no-support}). {@code GET /capabilities}
 * says {@code m.3pid_changes} is disabled.
 */
@Path("/_matrix/client")
@Produces(MediaType.APPLICATION_JSON)
public class ThreepidResource {
    private static final String DISABLED = "3PID changes are disabled on this server";

    private final Authenticator auth;

    public ThreepidResource(Authenticator auth) {
        this.auth = auth;
    }

    @GET
    @Path("v3/account/3pid")
    public Map<String, Object> list(@Context HttpServerRequest request) {
        auth.require(request);
        return Map.of("threepids", List.of());
    }

    @POST
    @Path("v3/account/3pid")
    public Map<String, Object> addLegacy(@Context HttpServerRequest request) {
        throw changesDisabled(request);
    }

    @POST
    @Path("v3/account/3pid/add")
    public Map<String, Object> add(@Context HttpServerRequest request) {
        throw changesDisabled(request);
    }

    @POST
    @Path("v3/account/3pid/delete")
    public Map<String, Object> delete(@Context HttpServerRequest request) {
        throw changesDisabled(request);
    }

    @POST
    @Path("v3/account/3pid/bind")
    public Map<String, Object> bind(@Context HttpServerRequest request) {
        auth.require(request);
        throw new DomainException(ErrorKind.SERVER_NOT_TRUSTED,
                "This server trusts no identity server, so it cannot bind third-party identifiers");
    }

    @POST
    @Path("v3/account/3pid/unbind")
    public Map<String, Object> unbind(@Context HttpServerRequest request) {
        auth.require(request);
        return Map.of("id_server_unbind_result", "no-support");
    }

    @POST
    @Path("v3/account/3pid/{medium}/requestToken")
    public Map<String, Object> addToken(@PathParam("medium") String medium) {
        checkMedium(medium);
        throw new DomainException(ErrorKind.THREEPID_CHANGES_DISABLED, DISABLED);
    }

    @POST
    @Path("v3/register/{medium}/requestToken")
    public Map<String, Object> registerToken(@PathParam("medium") String medium) {
        throw notSupported(medium);
    }

    @POST
    @Path("v3/account/password/{medium}/requestToken")
    public Map<String, Object> passwordResetToken(@PathParam("medium") String medium) {
        throw notSupported(medium);
    }

    /** A change asked for by a user: they must be logged in to be told it is off. */
    private DomainException changesDisabled(HttpServerRequest request) {
        auth.require(request);
        return new DomainException(ErrorKind.THREEPID_CHANGES_DISABLED, DISABLED);
    }

    private static DomainException notSupported(String medium) {
        checkMedium(medium);
        return new DomainException(ErrorKind.THREEPID_MEDIUM_NOT_SUPPORTED,
                ("email".equals(medium) ? "Email" : "Phone number") + " verification is not supported on this server");
    }

    private static void checkMedium(String medium) {
        if (!"email".equals(medium) && !"msisdn".equals(medium)) {
            throw new DomainException(ErrorKind.UNRECOGNIZED, "Unrecognized request");
        }
    }
}
