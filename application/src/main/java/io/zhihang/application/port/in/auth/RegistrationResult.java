package io.zhihang.application.port.in.auth;

import io.zhihang.domain.shared.UserId;

import java.util.Optional;

/** The new account, and its first session unless login was inhibited. */
public record RegistrationResult(UserId userId, Optional<IssuedSession> session) {
}
