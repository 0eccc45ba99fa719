package io.zhihang.application.port.in.auth;

/** Open registration with User-Interactive Authentication. */
public interface RegisterAccountUseCase {
    RegistrationResult register(RegisterCommand command);

    /** Returns normally if the name could be registered; throws the refusal otherwise. */
    void checkAvailable(String username, String clientIp);
}
