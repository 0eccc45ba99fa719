package io.zhihang.application.service.admin;

import io.zhihang.application.port.out.security.SecurityEventLog;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.security.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.InstantSource;

/**
 * The admin API's audit trail: every admin use case checks {@link Requester#ensureAdmin()} first and writes what it
 * did with {@link #record} in its own transaction, so that an action and its audit entry commit together.
 */
@ApplicationScoped
public class AdminAudit {
    private final SecurityEventLog log;
    private final InstantSource clock;

    public AdminAudit(SecurityEventLog log, InstantSource clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Writes an admin action to the audit trail: who, what, to what, when, from which address. */
    @Transactional
    public void record(Requester admin, String ip, String action, String target, JsonObject details) {
        log.append(SecurityEvent.adminAction(admin.userId().toString(), ip, action, target, details,
                clock.instant()));
    }
}
