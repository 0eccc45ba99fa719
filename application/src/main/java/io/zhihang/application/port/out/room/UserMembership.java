package io.zhihang.application.port.out.room;

/** A user's current membership in one room, and the member event that set it. */
public record UserMembership(String roomId, String membership, String eventId) {
}
