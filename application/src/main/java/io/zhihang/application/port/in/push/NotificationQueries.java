package io.zhihang.application.port.in.push;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Collection;
import java.util.List;

/**
 * The notifications push rules gave a user: the list ({@code GET /notifications}) and unread counts (for
 * {@code /sync} and {@code GET /rooms/{roomId}/unread}).
 */
public interface NotificationQueries {
    /** Default and largest page of {@code GET /notifications}. */
    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 1000;

    /**
     * The user's notifications, newest first, from {@code from} (a {@code next_token}; null for the newest), at most
     * {@code limit}, only highlights if asked.
     */
    NotificationsPage notifications(Requester requester, String from, int limit, boolean onlyHighlights);

    /** The caller's unread notifications in a room they are joined to (403 otherwise), threads included. */
    NotificationCounts unread(Requester requester, String roomId);

    /**
     * For {@code /sync}: the user's unread notification counts in each of {@code roomIds}, after their read
     * receipts ({@code ReadPositions}); a few queries whatever the number of rooms. The caller is trusted: it asks
     * only about rooms the user is in.
     */
    UnreadCounts counts(String userId, Collection<String> roomIds);

    /** One page of {@code GET /notifications}: the notifications and the token of the next page (null at the end). */
    record NotificationsPage(List<JsonObject> notifications, String nextToken) {
        public NotificationsPage {
            notifications = List.copyOf(notifications);
        }
    }
}
