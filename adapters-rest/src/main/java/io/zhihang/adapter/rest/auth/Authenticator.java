package io.zhihang.adapter.rest.auth;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.http.AddressGate;
import io.zhihang.application.port.in.auth.AuthenticateUseCase;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Finds the access token of a request ({@code Authorization: Bearer …}, or the deprecated {@code access_token}
 * query parameter) and resolves it to the requester. As in Synapse ({@code get_user_by_req(allow_guest=False)}),
 * guests are refused with {@code 403 M_GUEST_ACCESS_FORBIDDEN} unless the endpoint asks for
 * {@link #requireAllowingGuests}: only those Synapse marks {@code allow_guest=True} do.
 */
@ApplicationScoped
public class Authenticator {
    private static final String BEARER = "Bearer ";

    private final AuthenticateUseCase authenticate;

    public Authenticator(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /** The requester, who must not be a guest. */
    public Requester require(HttpServerRequest request) {
        Requester requester = requireAllowingGuests(request);
        requester.ensureNotGuest();
        return requester;
    }

    /** The requester, a guest or not: for the endpoints Synapse opens to guests. */
    public Requester requireAllowingGuests(HttpServerRequest request) {
        return token(request).map(token -> authenticate.authenticate(token, clientIp(request)))
                .orElseThrow(() -> new DomainException(ErrorKind.MISSING_TOKEN, "Missing access token"));
    }

    /** The requester if the request has a token (a guest or not), for endpoints that need none. */
    public Optional<Requester> optional(HttpServerRequest request) {
        return token(request).map(token -> authenticate.authenticate(token, clientIp(request)));
    }

    static Optional<String> token(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        String param = request.getParam("access_token");
        return param == null || param.isEmpty() ? Optional.empty() : Optional.of(param);
    }

    /**
     * The client's address, as the HTTP edge settled it ({@link AddressGate}: {@code X-Forwarded-For} is honoured only
     * from the configured trusted proxies); the peer's address if the edge did not run.
     */
    public static String clientIp(HttpServerRequest request) {
        String settled = request.getHeader(AddressGate.CLIENT_ADDRESS);
        if (settled != null) {
            return settled;
        }
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
