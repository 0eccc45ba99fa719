package io.zhihang.application.port.in.direct;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/**
 * Direct chats (the seed's {@code POST /createDM}, {@code GET /dm}, {@code GET /rooms/{roomId}/dm}, docs/api.md
 * "Direct chats"): one-to-one rooms as Element makes and lists them, through {@code m.direct}.
 */
public interface DirectChatsUseCase {
    /** Opens or reuses the requester's direct chat with {@code other}; its room id. */
    String open(Requester requester, UserId other);

    /** The requester's direct chats they are joined or invited to. */
    List<DirectChat> list(Requester requester);

    /**
     * One direct chat of the requester. Not joined or invited: {@code 403 M_FORBIDDEN}, whether or not the room
     * exists; a room that is not a direct chat for them: {@code 404 M_NOT_FOUND}.
     */
    DirectChatDetails details(Requester requester, String roomId);
}
