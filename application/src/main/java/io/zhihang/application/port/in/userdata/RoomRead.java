package io.zhihang.application.port.in.userdata;

import java.util.Map;

/**
 * How far a user has read in one room, as the stream orderings of the events their {@code m.read} and
 * {@code m.read.private} receipts point to (0: no receipt). As in Synapse, an unthreaded receipt counts for the
 * main timeline and for every thread; a threaded one only for its thread.
 *
 * @param unthreaded the highest ordering of the user's unthreaded receipts
 * @param threads    thread id ({@code main} or a thread root's event id) → the highest ordering of that thread's
 *                   receipts
 */
public record RoomRead(long unthreaded, Map<String, Long> threads) {
    public static final RoomRead NONE = new RoomRead(0, Map.of());

    public RoomRead {
        threads = Map.copyOf(threads);
    }

    /** Read up to here in the main timeline (events outside threads, and thread roots). */
    public long mainTimeline() {
        return thread("main");
    }

    /** Read up to here in the thread of {@code threadId} ({@code main} for the main timeline). */
    public long thread(String threadId) {
        return Math.max(unthreaded, threads.getOrDefault(threadId, 0L));
    }
}
