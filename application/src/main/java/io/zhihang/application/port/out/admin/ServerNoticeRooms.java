package io.zhihang.application.port.out.admin;

import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** Each user's server-notices room ({@code server_notice_rooms}): the newest one made for them. */
public interface ServerNoticeRooms {
    Optional<String> roomOf(UserId user);

    /** Remembers {@code roomId} as the user's server-notices room, replacing any earlier one. */
    void remember(UserId user, String roomId);
}
