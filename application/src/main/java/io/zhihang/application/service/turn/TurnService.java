package io.zhihang.application.service.turn;

import io.zhihang.application.config.TurnSettings;
import io.zhihang.application.port.in.turn.TurnServerQueries;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.turn.TurnCredentials;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.Optional;

/** Synapse's {@code VoipRestServlet}: time-limited credentials from a shared secret, else fixed ones, else none. */
@ApplicationScoped
public class TurnService implements TurnServerQueries {
    private final TurnSettings settings;
    private final InstantSource clock;

    public TurnService(TurnSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<TurnCredentials> credentialsFor(Requester requester) {
        if (settings.uris().isEmpty()) {
            return Optional.empty();
        }
        if (settings.sharedSecret() != null) {
            return Optional.of(TurnCredentials.timeLimited(settings.uris(), settings.sharedSecret(),
                    requester.userId(), settings.userLifetime(), clock.instant()));
        }
        if (settings.username() != null && settings.password() != null) {
            return Optional.of(TurnCredentials.fixed(settings.uris(), settings.username(), settings.password(),
                    settings.userLifetime()));
        }
        return Optional.empty();
    }
}
