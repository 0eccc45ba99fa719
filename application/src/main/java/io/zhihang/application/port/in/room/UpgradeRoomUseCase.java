package io.zhihang.application.port.in.room;

import io.zhihang.domain.auth.Requester;

/** {@code POST /rooms/{roomId}/upgrade}: replaces a room with a new one of another room version. */
public interface UpgradeRoomUseCase {
    /** Returns the replacement room's id. */
    String upgrade(Requester requester, String roomId, String newVersion);
}
