package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.RegistrationTokenValidityQuery;
import io.zhihang.application.port.out.RegistrationTokenRepository;
import io.zhihang.domain.auth.UiaSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;

/** Whether a registration token would be accepted now; holds nothing. */
@ApplicationScoped
public class RegistrationTokenValidityService implements RegistrationTokenValidityQuery {
    private final HomeserverSettings settings;
    private final RegistrationTokenRepository tokens;
    private final InstantSource clock;

    public RegistrationTokenValidityService(HomeserverSettings settings, RegistrationTokenRepository tokens,
                                            InstantSource clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean isValid(String token) {
        if (settings.registrationTokens().isValid(token)) {
            return true;
        }
        Instant now = clock.instant();
        return tokens.find(token, now.minus(UiaSession.LIFETIME)).map(t -> t.isValid(now)).orElse(false);
    }
}
