package io.zhihang.application.port.in.account;

public interface ChangePasswordUseCase {
    void changePassword(ChangePasswordCommand command);
}
