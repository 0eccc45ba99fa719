package io.zhihang.application.port.in.userdata;

import io.zhihang.domain.auth.Requester;

/**
 * Read receipts and the read marker. The caller must be joined to the room ({@code 403 M_FORBIDDEN}) and the event
 * must be one of the room's that the caller can see ({@code 404 M_NOT_FOUND}). Receipts never move backwards: one for
 * an event not later in the stream than the current one (same room, type and thread) is accepted and ignored, and so
 * is a read marker that would move back.
 */
public interface ReceiptsUseCase {
    /**
     * {@code POST /rooms/{roomId}/receipt/{receiptType}/{eventId}}: {@code m.read}, {@code m.read.private}, or
     * {@code m.fully_read} (sets the read marker). {@code threadId} (null: unthreaded) is {@code main} or a thread
     * root's id, and must fit the event (an event in a thread for that thread's id, an event outside threads for
     * {@code main}); it is refused with {@code m.fully_read}. Unknown type or bad thread: {@code 400 M_INVALID_PARAM}.
     */
    void sendReceipt(Requester requester, String roomId, String receiptType, String eventId, String threadId);

    /**
     * {@code POST /rooms/{roomId}/read_markers}: each of the event ids may be null. {@code fullyRead} moves the read
     * marker (room account data {@code m.fully_read}); the others are unthreaded receipts.
     */
    void setReadMarkers(Requester requester, String roomId, String fullyRead, String read, String readPrivate);
}
