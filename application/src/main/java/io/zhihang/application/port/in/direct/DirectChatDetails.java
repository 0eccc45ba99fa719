package io.zhihang.application.port.in.direct;

import java.time.Instant;
import java.util.Map;

/**
 * A direct chat in detail.
 *
 * @param members user id → membership, for every member event of the room's current state
 */
public record DirectChatDetails(String roomId, String otherUserId, Map<String, String> members, Instant createdAt) {
    public DirectChatDetails {
        members = Map.copyOf(members);
    }
}
