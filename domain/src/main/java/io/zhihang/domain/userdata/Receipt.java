package io.zhihang.domain.userdata;

import io.zhihang.domain.shared.DomainException;

import java.util.Objects;

/**
 * A user's read receipt in a room: the event they have read up to, with the event's place in the server-wide stream.
 * A user has at most one receipt per (room, type, thread); {@code threadId} is null for an unthreaded receipt,
 * {@value #MAIN_THREAD} for the main timeline, or a thread root's event id.
 *
 * @param eventOrdering the stream ordering of {@code eventId}, which says whether a receipt moves forward
 * @param ts            when the receipt was sent, in milliseconds since the epoch
 */
public record Receipt(String roomId, ReceiptType type, String userId, String threadId, String eventId,
                      long eventOrdering, long ts) {
    /** The thread id of the main timeline (events outside any thread). */
    public static final String MAIN_THREAD = "main";

    public Receipt {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventId, "eventId");
        if (type == null || type == ReceiptType.FULLY_READ) {
            throw new IllegalArgumentException("Not a receipt type: " + type);
        }
        checkThreadId(threadId);
    }

    /** A thread id is absent (null) or a non-empty string; {@code 400 M_INVALID_PARAM} otherwise. */
    public static void checkThreadId(String threadId) {
        if (threadId != null && threadId.isEmpty()) {
            throw DomainException.invalidParam("thread_id field must be a non-empty string");
        }
    }

    /**
     * Whether this receipt replaces {@code existing} (of the same room, type, user and thread): receipts never move
     * backwards, so one for an event that is not later in the stream is ignored, as Synapse does.
     */
    public boolean supersedes(Receipt existing) {
        return existing == null || eventOrdering > existing.eventOrdering;
    }
}
