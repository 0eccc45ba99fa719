package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;

/** {@code PUT /directory/list/room/{roomId}}: putting a room in the public room directory or taking it out. */
public interface PublishRoomUseCase {
    void setVisibility(Requester requester, String roomId, DirectoryVisibility visibility);
}
