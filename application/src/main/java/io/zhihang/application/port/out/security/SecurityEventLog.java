package io.zhihang.application.port.out.security;

import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The security event log (and the admin audit trail in it): appended to in the transaction of what it records. */
public interface SecurityEventLog {
    void append(SecurityEvent event);

    /** Up to {@code limit} matching events, newest first, with ids below {@code beforeId} (null: from the newest). */
    List<StoredSecurityEvent> find(SecurityEventFilter filter, Long beforeId, int limit);

    long count(SecurityEventFilter filter);

    /** How many events of each type match (types with none are absent). */
    Map<SecurityEventType, Long> countByType(SecurityEventFilter filter);

    /** Deletes the events older than {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff);
}
