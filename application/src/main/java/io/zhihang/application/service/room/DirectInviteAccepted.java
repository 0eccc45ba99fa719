package io.zhihang.application.service.room;

import io.zhihang.domain.auth.Requester;

/**
 * A user joined a room whose invite to them said {@code is_direct: true}. Fired inside the join's transaction; once
 * it commits, the room is added to the joiner's {@code m.direct} under the inviter (the invitee's half of a direct
 * chat, as Element records it for the inviter when it creates one).
 */
public record DirectInviteAccepted(Requester joiner, String roomId, String inviter) {
}
