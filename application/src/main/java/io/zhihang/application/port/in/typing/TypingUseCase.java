package io.zhihang.application.port.in.typing;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

public interface TypingUseCase {
    /**
     * {@code PUT /rooms/{roomId}/typing/{userId}}: only for oneself ({@code 403}), only in a room one has joined
     * ({@code 403}, also for unknown rooms). {@code timeoutMs} (null: 30 s) is capped at two minutes.
     */
    void setTyping(Requester requester, String roomId, UserId target, boolean typing, Long timeoutMs);

    /** Ends the user's typing notice in the room, if any (call when the user leaves the room). */
    void leftRoom(String roomId, String userId);
}
