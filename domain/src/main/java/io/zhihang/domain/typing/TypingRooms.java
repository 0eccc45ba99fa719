package io.zhihang.domain.typing;

import io.zhihang.domain.shared.DomainException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is typing in which room, with a stream position that moves on every change (Synapse's typing stream): each room
 * remembers the position of its last change, so a reader holding an older position learns which rooms changed.
 * Kept in memory only, like Synapse's; not thread-safe (the caller serialises access).
 *
 * <p>The position starts at the boot time in microseconds, so it never goes back across restarts (as long as fewer
 * than a million changes a second happen on average), and stays within JSON's safe integers until the 23rd century.
 * A position from before this start, or beyond the current one, cannot be interpreted: {@link #since} then answers
 * every room asked about, empty ones included, so that stale typers are cleared.
 *
 * <p>Rooms whose typing has been idle for {@link #FORGET_AFTER} are forgotten, as Synapse does; a reader whose
 * position predates a forgotten change is answered as above.
 */
public final class TypingRooms {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Synapse caps the client's timeout at two minutes. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final long start;
    private long position;
    /** Everything at or below this position may have been forgotten. */
    private long forgottenUpTo;
    private final Map<String, Room> rooms = new LinkedHashMap<>();

    private static final class Room {
        final Map<String, Instant> typers = new LinkedHashMap<>();
        long changedAt;
        Instant lastChange;
    }

    public TypingRooms(Instant boot) {
        this.start = Math.multiplyExact(boot.toEpochMilli(), 1000L);
        this.position = start;
        this.forgottenUpTo = start;
    }

    /**
     * How long a typing notice lasts: the client's {@code timeout} in milliseconds (null: 30 s), at most two
     * minutes; a negative one is {@code M_INVALID_PARAM}.
     */
    public static Duration timeout(Long requestedMillis) {
        if (requestedMillis == null) {
            return DEFAULT_TIMEOUT;
        }
        if (requestedMillis < 0) {
            throw DomainException.invalidParam("timeout must not be negative");
        }
        return requestedMillis > MAX_TIMEOUT.toMillis() ? MAX_TIMEOUT : Duration.ofMillis(requestedMillis);
    }

    public long position() {
        return position;
    }

    /** The user types until {@code until}; true if they were not typing before (a change others must hear of). */
    public boolean start(String roomId, String userId, Instant until, Instant now) {
        Room room = rooms.computeIfAbsent(roomId, id -> new Room());
        boolean fresh = room.typers.put(userId, until) == null;
        if (fresh) {
            changed(room, now);
        }
        return fresh;
    }

    /** The user stops typing; true if they were typing. */
    public boolean stop(String roomId, String userId, Instant now) {
        Room room = rooms.get(roomId);
        if (room == null || room.typers.remove(userId) == null) {
            return false;
        }
        changed(room, now);
        return true;
    }

    /** Ends the typing notices that ran out by {@code now}; the rooms that changed (all at one new position). */
    public List<String> expire(Instant now) {
        List<String> changed = new ArrayList<>();
        long next = position + 1;
        for (Iterator<Map.Entry<String, Room>> it = rooms.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Room> entry = it.next();
            Room room = entry.getValue();
            if (room.typers.values().removeIf(until -> !until.isAfter(now))) {
                room.changedAt = next;
                room.lastChange = now;
                changed.add(entry.getKey());
            } else if (room.typers.isEmpty() && !room.lastChange.plus(FORGET_AFTER).isAfter(now)) {
                forgottenUpTo = Math.max(forgottenUpTo, room.changedAt);
                it.remove();
            }
        }
        if (!changed.isEmpty()) {
            position = next;
        }
        return changed;
    }

    /**
     * Room id → current typers, for the rooms among {@code roomIds} whose typing changed after {@code since}.
     * {@code since == 0} (an initial sync) gives the rooms with typers; a position this instance cannot interpret
     * (see the class comment) gives every room asked about.
     */
    public Map<String, List<String>> since(Collection<String> roomIds, long since) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean everything = since != 0 && (since < forgottenUpTo || since > position);
        for (String roomId : roomIds) {
            Room room = rooms.get(roomId);
            if (since == 0) {
                if (room != null && !room.typers.isEmpty()) {
                    out.put(roomId, List.copyOf(room.typers.keySet()));
                }
            } else if (everything || (room != null && room.changedAt > since)) {
                out.put(roomId, room == null ? List.of() : List.copyOf(room.typers.keySet()));
            }
        }
        return out;
    }

    private void changed(Room room, Instant now) {
        room.changedAt = ++position;
        room.lastChange = now;
    }
}
