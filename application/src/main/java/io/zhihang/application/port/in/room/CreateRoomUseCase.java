package io.zhihang.application.port.in.room;

public interface CreateRoomUseCase {
    CreatedRoom create(CreateRoomCommand command);
}
