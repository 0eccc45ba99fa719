package io.zhihang.application.fakes;

import io.zhihang.application.port.out.push.ReadPositions;

import java.util.HashMap;
import java.util.Map;

/** Read positions set by the tests, standing in for read receipts. */
public class InMemoryReadPositions implements ReadPositions {
    private final Map<String, Long> unthreaded = new HashMap<>();
    private final Map<String, Map<String, Long>> threads = new HashMap<>();

    /** The user's unthreaded receipt in the room is at {@code position}. */
    public synchronized void read(String userId, String roomId, long position) {
        unthreaded.put(userId + " " + roomId, position);
    }

    /** The user's receipt in one thread ({@code main} or a root id) of the room is at {@code position}. */
    public synchronized void readThread(String userId, String roomId, String threadId, long position) {
        threads.computeIfAbsent(userId + " " + roomId, k -> new HashMap<>()).put(threadId, position);
    }

    @Override
    public synchronized long readUpTo(String userId, String roomId) {
        return unthreaded.getOrDefault(userId + " " + roomId, 0L);
    }

    @Override
    public synchronized Map<String, Long> threadsReadUpTo(String userId, String roomId) {
        return Map.copyOf(threads.getOrDefault(userId + " " + roomId, Map.of()));
    }
}
