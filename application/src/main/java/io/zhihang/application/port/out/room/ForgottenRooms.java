package io.zhihang.application.port.out.room;

/** Rooms users have forgotten. */
public interface ForgottenRooms {
    void forget(String userId, String roomId);

    void remember(String userId, String roomId);

    boolean isForgotten(String userId, String roomId);
}
