package io.zhihang.application.port.in.turn;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.turn.TurnCredentials;

import java.util.Optional;

/** {@code GET /voip/turnServer}: the TURN servers and credentials for a caller, if the server has any. */
public interface TurnServerQueries {
    Optional<TurnCredentials> credentialsFor(Requester requester);
}
