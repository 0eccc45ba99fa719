package io.zhihang.application.port.in.device;

import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/** {@code GET /admin/whois/{userId}}: a local user's devices and where each was last seen. */
public interface WhoisQueries {
    /** For the user themselves or a server admin ({@code 403} otherwise); local users only ({@code 400}). */
    List<Device> whois(Requester requester, UserId userId);
}
