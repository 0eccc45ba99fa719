package io.zhihang.adapter.rest.admin;

import io.vertx.core.http.HttpServerRequest;
import io.zhihang.adapter.rest.auth.Authenticator;
import io.zhihang.application.port.in.admin.AdminCaller;
import io.zhihang.domain.auth.Requester;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller of an admin endpoint ({@code /_synapse/admin/…}): authenticated as any client, then refused with
 * {@code 403 M_FORBIDDEN} unless a server admin, before anything is read or done.
 */
@ApplicationScoped
public class AdminRequests {
    private final Authenticator auth;

    public AdminRequests(Authenticator auth) {
        this.auth = auth;
    }

    public Requester requireAdmin(HttpServerRequest request) {
        Requester requester = auth.require(request);
        requester.ensureAdmin();
        return requester;
    }

    /** The admin and the address the audit trail records, for the use cases that take them as one. */
    public AdminCaller caller(HttpServerRequest request) {
        return new AdminCaller(requireAdmin(request), clientIp(request));
    }

    /** The address the audit trail records for this request. */
    public static String clientIp(HttpServerRequest request) {
        return Authenticator.clientIp(request);
    }
}
