package io.zhihang.adapter.rest.http;

import io.vertx.core.Vertx;
import io.zhihang.application.port.in.admin.security.RecordSecurityEventUseCase;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the refusals of the HTTP layer to the security event log, off the request path (on a worker thread, never
 * the event loop): requests refused for a blocked address, at most one event per address per minute so that a flood
 * cannot fill the table, and every rate-limited request.
 */
@ApplicationScoped
public class RefusalLog {
    private static final Logger LOG = Logger.getLogger(RefusalLog.class);
    /** Addresses remembered for coalescing; past this many the memory is cleared (at worst, a few more rows). */
    private static final int MAX_REMEMBERED = 100_000;

    private final RecordSecurityEventUseCase record;
    private final Vertx vertx;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Long> lastBlockedMinute = new ConcurrentHashMap<>();

    public RefusalLog(RecordSecurityEventUseCase record, Vertx vertx, InstantSource clock) {
        this.record = record;
        this.vertx = vertx;
        this.clock = clock;
    }

    void blocked(String address, String range, String method, String path) {
        Instant now = clock.instant();
        long minute = now.toEpochMilli() / 60_000;
        Long previous = lastBlockedMinute.put(address, minute);
        if (previous != null && previous == minute) {
            return;
        }
        if (lastBlockedMinute.size() > MAX_REMEMBERED) {
            lastBlockedMinute.clear();
        }
        write(new SecurityEvent(SecurityEventType.BLOCKED_ADDRESS, now, null, address, null, range,
                JsonObject.builder().put("method", method).put("path", path).build()));
    }

    public void rateLimited(String address, String method, String path) {
        write(new SecurityEvent(SecurityEventType.RATE_LIMITED, clock.instant(), null, address, null, null,
                JsonObject.builder().put("method", method).put("path", path).build()));
    }

    private void write(SecurityEvent event) {
        vertx.executeBlocking(() -> {
            record.record(event);
            return null;
        }, false).onFailure(e -> LOG.debugf(e, "Security event %s not written", event.type().wireName()));
    }
}
