package io.zhihang.application.port.out.room;

import io.zhihang.domain.protocol.RoomVersion;

import java.time.Instant;

/**
 * A room as stored: its version, creator, whether it is in the public directory, and its head (the latest event,
 * which the next event names as its prev_event; local rooms have a single forward extremity).
 */
public record RoomRecord(String roomId, RoomVersion version, String creator, boolean published, String headEventId,
                         long headDepth, Instant createdAt) {
}
