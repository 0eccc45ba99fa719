package io.zhihang.application.port.in.admin.status;

import io.zhihang.domain.auth.Requester;

/** The seed's {@code GET /_synapse/admin/v1/status}: what the server holds. Server admins only. */
public interface ServerStatusQuery {
    ServerStatus status(Requester admin);
}
