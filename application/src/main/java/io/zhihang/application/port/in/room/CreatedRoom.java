package io.zhihang.application.port.in.room;

/** The new room's id, and its alias when one was asked for. */
public record CreatedRoom(String roomId, String alias) {
}
