package io.zhihang.application.port.out.security;

import io.zhihang.domain.security.SecurityEvent;

/** A security event as stored, with its id (ascending in the order of writing). */
public record StoredSecurityEvent(long id, SecurityEvent event) {
}
