package io.zhihang.application.service.admin.security;

import io.zhihang.application.port.out.security.SecurityEventFilter;
import io.zhihang.application.port.out.security.SecurityEventLog;
import io.zhihang.domain.security.IpReputation;
import io.zhihang.domain.security.SecurityEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Counts an address's recent security events for {@link IpReputation}. */
final class Reputations {
    private Reputations() {
    }

    static IpReputation of(SecurityEventLog log, String address, Instant now) {
        return IpReputation.of(counts(log, address, now.minus(Duration.ofHours(1))),
                counts(log, address, now.minus(Duration.ofDays(1))));
    }

    private static IpReputation.Counts counts(SecurityEventLog log, String address, Instant since) {
        Map<SecurityEventType, Long> byType = log.countByType(SecurityEventFilter.ofAddress(address, since));
        return new IpReputation.Counts(byType.getOrDefault(SecurityEventType.FAILED_LOGIN, 0L),
                byType.getOrDefault(SecurityEventType.UIA_FAILED, 0L),
                byType.getOrDefault(SecurityEventType.RATE_LIMITED, 0L),
                byType.getOrDefault(SecurityEventType.BLOCKED_ADDRESS, 0L));
    }
}
