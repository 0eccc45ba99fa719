package io.zhihang.application.port.in.session;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.session.SessionSettings;
import io.zhihang.domain.shared.DomainException;

import java.util.Objects;

/** {@code POST /sessions}: a session with {@code target} (a user id, checked by the service) and its settings. */
public record OpenSessionCommand(Requester requester, String target, SessionSettings settings) {
    public OpenSessionCommand {
        Objects.requireNonNull(requester);
        Objects.requireNonNull(settings);
        if (target == null || target.isBlank()) {
            throw DomainException.missingParam("target_user_id is required");
        }
    }
}
