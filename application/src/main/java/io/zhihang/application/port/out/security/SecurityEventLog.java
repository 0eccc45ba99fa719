package io.zhihang.application.port.out.security;

import io.zhihang.domain.security.SecurityEvent;

/** The security event log (and the admin audit trail in it): appended to in the transaction of what it records. */
public interface SecurityEventLog {
    void append(SecurityEvent event);
}
