package io.zhihang.application.port.out;

import io.zhihang.domain.presence.Presence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Presence of local users, each row stamped with its position in the presence stream. Positions are handed out in
 * commit order (a writer holds the stream lock until it commits), so a reader that saw position {@code p} never
 * later finds a new row at or below {@code p}.
 */
public interface PresenceRepository {
    Optional<Presence> find(String userId);

    /** The stored presence of those of {@code userIds} that have one. */
    List<Stored> findAll(java.util.Collection<String> userIds);

    /** Inserts or updates the user's presence at the next stream position, which it returns. */
    long save(String userId, Presence presence);

    /** The highest committed stream position (0 when nothing was stored yet). */
    long position();

    /**
     * The presence of {@code viewerId} and of every user who shares a joined room with them, stored after
     * {@code since}, by position.
     */
    List<Stored> changedSince(String viewerId, long since);

    /** Users online whose last activity is before {@code cutoff}. */
    List<Stored> onlineInactiveSince(Instant cutoff);

    record Stored(String userId, Presence presence, long position) {
    }
}
