package io.zhihang.application.port.out.userdata;

import io.zhihang.domain.userdata.Receipt;
import io.zhihang.domain.userdata.ReceiptType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Read receipts: at most one per (room, type, user, thread), each stamped with its position in the receipts stream
 * when written.
 */
public interface ReceiptRepository {
    /**
     * Serialises receipt writes until the transaction ends (in the database, so across server instances), so that
     * positions commit in order. Call it before reading the receipt a write replaces.
     */
    void lockStream();

    /** The receipt of that key ({@code threadId} null: the unthreaded one). */
    Optional<Receipt> find(String roomId, ReceiptType type, String userId, String threadId);

    /**
     * Stores the receipt, replacing the one of the same key, at the next stream position and returns that position.
     * The stream must have been locked in this transaction.
     */
    long save(Receipt receipt);

    /** The latest position of the stream (0 before the first write). */
    long position();

    /**
     * The receipts in {@code roomIds} written after {@code since} (0: all current receipts), leaving out
     * {@code m.read.private} receipts of users other than {@code viewerId}. One query.
     */
    List<Receipt> changedSince(Collection<String> roomIds, long since, String viewerId);

    /**
     * For each of the rooms and threads where the user has {@code m.read} or {@code m.read.private} receipts, the
     * highest stream ordering they point to ({@code threadId} null: unthreaded receipts). One query.
     */
    List<ReadUpTo> readUpTo(String userId, Collection<String> roomIds);

    record ReadUpTo(String roomId, String threadId, long eventOrdering) {
    }
}
