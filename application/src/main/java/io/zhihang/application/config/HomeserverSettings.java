package io.zhihang.application.config;

import io.zhihang.domain.account.PasswordPolicy;
import io.zhihang.domain.account.UsernamePolicy;
import io.zhihang.domain.auth.RegistrationTokens;
import io.zhihang.domain.shared.ServerName;

import java.time.Duration;
import java.util.Optional;

/**
 * The settings the use cases and the HTTP edge need, assembled by the server module from its configuration.
 *
 * @param publicBaseUrl     the URL clients reach the server at, e.g. {@code https://matrix.example.org/}
 * @param refreshableTokenLifetime how long an access token issued with a refresh token lives
 * @param allowGuestAccess  whether {@code POST /register?kind=guest} makes guest accounts (Synapse's
 *                          {@code allow_guest_access}, on by default)
 */
public record HomeserverSettings(ServerName serverName,
                                 String publicBaseUrl,
                                 boolean registrationEnabled,
                                 RegistrationTokens registrationTokens,
                                 Optional<String> registrationSharedSecret,
                                 UsernamePolicy usernamePolicy,
                                 PasswordPolicy passwordPolicy,
                                 Duration refreshableTokenLifetime,
                                 boolean allowGuestAccess) {
}
