package io.zhihang.application.port.out.push;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a user has read each room, from their read receipts ({@code m.read} and {@code m.read.private}, whichever
 * is further), as stream orderings: notifications at or before them count as read. An unthreaded receipt reads the
 * whole room; a threaded one ({@code thread_id} {@code main} or a thread root's id) reads that thread only. Positions
 * are 0 where the user has no receipt.
 * <p>
 * Until read receipts exist, the server's adapter answers 0 everywhere (nothing is ever read); the receipts feature
 * implements this port.
 */
public interface ReadPositions {
    /** The position of the user's unthreaded receipts in the room. */
    long readUpTo(String userId, String roomId);

    /** Thread id ({@code main} or a root event id) → the position of the user's receipts in that thread. */
    Map<String, Long> threadsReadUpTo(String userId, String roomId);

    /** Both, for several rooms; adapters may answer in one query. */
    default Map<String, RoomReadUpTo> readUpTo(String userId, Collection<String> roomIds) {
        Map<String, RoomReadUpTo> out = new LinkedHashMap<>();
        for (String roomId : roomIds) {
            out.put(roomId, new RoomReadUpTo(readUpTo(userId, roomId), threadsReadUpTo(userId, roomId)));
        }
        return out;
    }

    /** A room's read positions: unthreaded, and per thread. */
    record RoomReadUpTo(long unthreaded, Map<String, Long> threads) {
        public static final RoomReadUpTo NOTHING = new RoomReadUpTo(0, Map.of());

        public RoomReadUpTo {
            threads = Map.copyOf(threads);
        }

        /** Up to where a thread is read: its own receipt or the unthreaded one, whichever is further. */
        public long of(String threadId) {
            return Math.max(unthreaded, threads.getOrDefault(threadId, 0L));
        }
    }
}
