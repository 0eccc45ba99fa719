package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.security.SecurityEvent;

/**
 * Writes a security event in a transaction of its own, so that it stays written when the request it is about fails
 * (a failed login, a refused request); an address whose reputation falls to the threshold is then blocked
 * automatically when that is on.
 */
public interface RecordSecurityEventUseCase {
    void record(SecurityEvent event);
}
