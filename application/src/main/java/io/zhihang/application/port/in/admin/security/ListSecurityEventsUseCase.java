package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.auth.Requester;

/** The security event log, for server admins. */
public interface ListSecurityEventsUseCase {
    SecurityEventPage list(Requester admin, SecurityEventsQuery query);
}
