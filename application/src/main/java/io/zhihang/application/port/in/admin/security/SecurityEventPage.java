package io.zhihang.application.port.in.admin.security;

import io.zhihang.application.port.out.security.StoredSecurityEvent;

import java.util.List;

/** One page of security events, newest first; {@code nextToken} null on the last page. */
public record SecurityEventPage(List<StoredSecurityEvent> events, Long nextToken, long total) {
}
