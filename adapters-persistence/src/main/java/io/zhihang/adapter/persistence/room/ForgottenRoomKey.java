package io.zhihang.adapter.persistence.room;

import java.io.Serializable;

/** Composite id of {@link ForgottenRoomEntity}. */
public record ForgottenRoomKey(String userId, String roomId) implements Serializable {
}
