package io.zhihang.application.port.out.userdata;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * Account data: per user, global (room id null) or per room, one content per type. Every write takes the next
 * position of the account-data stream, so that sync can ask what changed after a position.
 */
public interface AccountDataRepository {
    /**
     * Serialises account-data writes until the transaction ends (in the database, so across server instances):
     * positions then commit in the order they were taken, and a reader that has seen position n has seen everything
     * before it. Call it before reading what a write depends on.
     */
    void lockStream();

    /** The content of an entry; empty if there is none or it was deleted. */
    Optional<JsonObject> find(String userId, String roomId, String type);

    /**
     * Stores an entry's content ({@code null}: deleted) at the next stream position and returns that position. The
     * stream must have been locked in this transaction.
     */
    long save(String userId, String roomId, String type, JsonObject content);

    /** The latest position of the stream (0 before the first write). */
    long position();

    /** The user's entries written after {@code since}, each with its latest content (null if deleted). */
    List<Entry> changedSince(String userId, long since);

    /** One entry: {@code roomId} null for global account data; {@code content} null once deleted. */
    record Entry(String roomId, String type, JsonObject content) {
    }
}
