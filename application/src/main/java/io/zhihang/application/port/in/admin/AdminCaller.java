package io.zhihang.application.port.in.admin;

import io.zhihang.domain.auth.Requester;

/** The server admin behind an admin action and the address the audit trail records for it. */
public record AdminCaller(Requester admin, String ip) {
}
