package io.zhihang.application.service.room;

/**
 * A room's {@code m.room.guest_access} became something other than {@code can_join}. Fired inside the transaction
 * that set it; {@link GuestsLeaveWhenGuestAccessEnds} acts once it commits.
 */
public record GuestAccessEnded(String roomId) {
}
