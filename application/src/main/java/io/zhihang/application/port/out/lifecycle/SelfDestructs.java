package io.zhihang.application.port.out.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** When messages destroy themselves; rows stay (with the time they were destroyed) as the record of it. */
public interface SelfDestructs {
    /** Sets (or moves) a message's time; does nothing to one destroyed already. */
    void schedule(String eventId, String roomId, Instant at);

    Optional<Scheduled> find(String eventId);

    /** Forgets a message's time if it has not destroyed itself yet (it was recalled first); a record of one stays. */
    void cancel(String eventId);

    /** Messages due at {@code now} and not destroyed yet, earliest first. */
    List<String> due(Instant now, int limit);

    /**
     * Marks a due message destroyed; true only for the one caller that changed the row (the others, on this or
     * another instance, see it taken), so each message is destroyed once.
     */
    boolean claim(String eventId, Instant now);

    record Scheduled(String eventId, String roomId, Instant at, Optional<Instant> destroyedAt) {
    }
}
