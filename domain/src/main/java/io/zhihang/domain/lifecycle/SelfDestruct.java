package io.zhihang.domain.lifecycle;

import io.zhihang.domain.protocol.json.JsonNumber;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Self-destructing messages: at their time they are redacted for everyone and their content purged from storage.
 * Set through the seed API (at least one second from now, at most a year) or by a client with MSC2228's
 * {@code org.matrix.self_destruct_after} (an absolute time in milliseconds) in the content.
 */
public final class SelfDestruct {
    public static final String AFTER_FIELD = "org.matrix.self_destruct_after";
    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofDays(365);

    private SelfDestruct() {
    }

    /** When a message destroys itself {@code seconds} from {@code now}. */
    public static Instant after(Instant now, long seconds) {
        if (seconds < MIN.toSeconds()) {
            throw DomainException.invalidParam("A message destroys itself at least 1 second from now");
        }
        if (seconds > MAX.toSeconds()) {
            throw DomainException.invalidParam("A message destroys itself within a year");
        }
        return now.plusSeconds(seconds);
    }

    /** Whether an event's content carries the MSC2228 field at all (valid or not). */
    public static boolean isAskedFor(JsonObject content) {
        return content.has(AFTER_FIELD);
    }

    /** The MSC2228 time a client asked for in an event's content, if any (a positive integer of milliseconds). */
    public static Optional<Instant> requested(JsonObject content) {
        if (!isAskedFor(content)) {
            return Optional.empty();
        }
        return content.get(AFTER_FIELD).filter(v -> v instanceof JsonNumber n && n.value() > 0)
                .map(v -> Instant.ofEpochMilli(((JsonNumber) v).value()));
    }
}
