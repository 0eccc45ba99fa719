package io.zhihang.application.port.in.push;

/** Unread notifications and, among them, highlights: the {@code notification_count} and {@code highlight_count}. */
public record NotificationCounts(long notificationCount, long highlightCount) {
    public static final NotificationCounts NONE = new NotificationCounts(0, 0);

    public NotificationCounts plus(NotificationCounts other) {
        return new NotificationCounts(notificationCount + other.notificationCount,
                highlightCount + other.highlightCount);
    }
}
