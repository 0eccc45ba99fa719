package io.zhihang.application.port.in.sync;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.protocol.json.JsonObject;

import java.util.List;

/**
 * The deprecated reads before {@code /sync}, which clients still use to peek into rooms (matrix-js-sdk's
 * {@code peekInRoom}): {@code GET /rooms/{roomId}/initialSync}, {@code GET /initialSync} and {@code GET /events}.
 * Shaped as Synapse's {@code initial_sync.py} and {@code events.py} answer them.
 */
public interface LegacySyncQueries {

    /**
     * {@code GET /rooms/{roomId}/initialSync}: a member's (or a departed member's) view of the room, or a peek into a
     * world-readable room ({@code membership} is then null); {@code 403 M_FORBIDDEN} otherwise.
     */
    RoomSnapshot room(Requester requester, String roomId, int limit);

    /** {@code GET /initialSync}: the rooms the user is joined or invited to (and left, if {@code archived}). */
    Snapshot all(Requester requester, int limit, boolean archived);

    /**
     * {@code GET /events}: with a room id, the room's new events after {@code from} (members and peekers of a
     * world-readable room alike); without, the user's whole event stream from a {@code /initialSync} or
     * {@code /sync} token. Waits up to {@code timeoutMs} for something to arrive.
     */
    EventsPage events(Requester requester, String from, long timeoutMs, String roomId);

    /**
     * One room. {@code membership} is null for a peeker; {@code visibility}, {@code inviter} and {@code invite} are
     * only given by {@code /initialSync}; an invited room has no messages nor state (both null).
     */
    record RoomSnapshot(String roomId, String membership, List<JsonObject> messages, String start, String end,
                        List<JsonObject> state, List<JsonObject> presence, List<JsonObject> receipts,
                        List<JsonObject> accountData, String visibility, String inviter, JsonObject invite) {
    }

    record Snapshot(List<RoomSnapshot> rooms, List<JsonObject> presence, List<JsonObject> accountData,
                    List<JsonObject> receipts, String end) {
    }

    record EventsPage(List<JsonObject> chunk, String start, String end) {
    }
}
