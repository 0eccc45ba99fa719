package io.zhihang.application.port.out.security;

import io.zhihang.domain.security.SecurityEventType;

import java.time.Instant;

/** Which security events to read: each criterion null when it does not filter. */
public record SecurityEventFilter(SecurityEventType type, String userId, String ip, Instant since, Instant until) {
    public static SecurityEventFilter ofAddress(String ip, Instant since) {
        return new SecurityEventFilter(null, null, ip, since, null);
    }
}
