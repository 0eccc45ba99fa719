package io.zhihang.application.port.in.push;

/** {@code POST /pushers/set}. */
public interface SetPusherUseCase {
    void set(SetPusherCommand command);
}
