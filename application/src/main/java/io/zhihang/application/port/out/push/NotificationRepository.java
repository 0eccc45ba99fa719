package io.zhihang.application.port.out.push;

import io.zhihang.domain.protocol.json.JsonArray;

import java.util.List;
import java.util.Map;

/**
 * The notifications push rules gave users ({@code event_push_actions}): one row per user and event whose actions
 * include {@code notify}, with the event's stream ordering, whether it highlights, and its thread ({@code main} for
 * the main timeline).
 */
public interface NotificationRepository {
    String MAIN_THREAD = "main";

    /** Stores the rows, in one batch. */
    void addAll(List<StoredNotification> notifications);

    /** Deletes every user's notification of the event (it was redacted). */
    void removeEvent(String eventId);

    /**
     * The user's notifications in each room after the room's position (exclusive), counted per room and thread.
     * Rooms and threads without any are left out.
     */
    List<ThreadCount> countAfter(String userId, Map<String, Long> afterByRoom);

    /** The user's notifications in one thread of a room with a stream ordering in {@code (after, upTo]}. */
    ThreadCount countBetween(String userId, String roomId, String threadId, long after, long upTo);

    /**
     * The user's latest notifications before {@code before} (exclusive; {@code Long.MAX_VALUE} for the newest),
     * newest first, at most {@code limit}, only highlights if asked.
     */
    List<StoredNotification> latest(String userId, long before, int limit, boolean onlyHighlights);

    /**
     * The user's notifications with a stream ordering in ({@code after}, {@code upTo}], oldest first, at most
     * {@code limit}: what a pusher has yet to send.
     */
    List<StoredNotification> between(String userId, long after, long upTo, int limit);

    record StoredNotification(String userId, String roomId, String eventId, long streamOrdering, boolean highlight,
                              String threadId, JsonArray actions) {
    }

    record ThreadCount(String roomId, String threadId, long notifications, long highlights) {
    }
}
