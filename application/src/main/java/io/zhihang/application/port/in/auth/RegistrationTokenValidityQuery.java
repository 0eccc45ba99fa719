package io.zhihang.application.port.in.auth;

/**
 * {@code GET /_matrix/client/v1/register/m.login.registration_token/validity}: whether a token would pass the
 * registration token stage now (a configured token, or an admin-made one that is unexpired with a use left).
 */
public interface RegistrationTokenValidityQuery {
    boolean isValid(String token);
}
