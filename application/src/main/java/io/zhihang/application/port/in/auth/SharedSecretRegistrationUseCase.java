package io.zhihang.application.port.in.auth;

/** Bootstrap registration (e.g. of the first admin) with the operator's shared secret. */
public interface SharedSecretRegistrationUseCase {
    String newNonce();

    IssuedSession register(SharedSecretRegisterCommand command);
}
