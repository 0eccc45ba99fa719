package io.zhihang.application.port.in.push;

import java.util.Map;

/**
 * A room's unread notifications for one user: those of the main timeline, and those of each thread (keyed by the
 * thread root's event id; threads without unread notifications are absent).
 * <p>
 * In {@code /sync}: a client that asked for {@code unread_thread_notifications} gets {@link #main()} as the room's
 * {@code unread_notifications} and {@link #threads()} as {@code unread_thread_notifications}; any other client gets
 * {@link #total()} as {@code unread_notifications}.
 */
public record RoomUnreadCounts(NotificationCounts main, Map<String, NotificationCounts> threads) {
    public static final RoomUnreadCounts NONE = new RoomUnreadCounts(NotificationCounts.NONE, Map.of());

    public RoomUnreadCounts {
        threads = Map.copyOf(threads);
    }

    /** The main timeline and every thread together. */
    public NotificationCounts total() {
        NotificationCounts sum = main;
        for (NotificationCounts thread : threads.values()) {
            sum = sum.plus(thread);
        }
        return sum;
    }
}
