package io.zhihang.application.port.in.userdata;

import io.zhihang.domain.protocol.json.JsonObject;

import java.util.Collection;
import java.util.Map;

/**
 * What {@code /sync} needs of account data and receipts. Two streams, each a position that only grows: a sync token
 * keeps both positions, reads {@link #accountDataPosition()} / {@link #receiptPosition()} <em>before</em> asking what
 * changed, and passes the previous token's positions as {@code since} ({@code 0} for an initial sync). Writes to a
 * stream are serialised and commit in position order, so everything at or before a position read is visible.
 * Every method is one query (per stream), whatever the number of rooms.
 */
public interface UserDataSyncQueries {
    /** The latest position of the account-data stream (0 before the first write). */
    long accountDataPosition();

    /**
     * The user's account data written after {@code since}: the latest content of each changed entry; {@code since}
     * 0 gives everything current. A deleted entry shows as {@code {}} (as Synapse sends deletions), and is left out
     * when {@code since} is 0. Global account data does not include {@code m.push_rules} (the push rules live apart).
     */
    AccountDataDelta accountDataSince(String userId, long since);

    /** The latest position of the receipts stream (0 before the first receipt). */
    long receiptPosition();

    /**
     * Room id → the content of the room's {@code m.receipt} ephemeral event, holding the receipts in {@code roomIds}
     * written after {@code since} ({@code since} 0: the current receipts):
     * {@code {"$event": {"m.read": {"@u:hs": {"ts": 123, "thread_id": "main"}}}}} ({@code thread_id} only when the
     * receipt has one). {@code m.read.private} receipts appear only for their owner, {@code viewerId}. Rooms without
     * any are left out.
     */
    Map<String, JsonObject> receiptsSince(String viewerId, Collection<String> roomIds, long since);

    /**
     * For unread counts: how far the user has read in each room, by their {@code m.read} and {@code m.read.private}
     * receipts (as stream orderings). Rooms where the user has no receipt are left out ({@link ReadPositions#room}
     * answers {@link RoomRead#NONE} for them).
     */
    ReadPositions readPositions(String userId, Collection<String> roomIds);
}
