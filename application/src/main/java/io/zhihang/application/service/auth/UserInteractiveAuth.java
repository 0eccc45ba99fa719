package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.application.port.out.UiaSessionStore;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.auth.UiaSession;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The User-Interactive Authentication state machine shared by every endpoint that asks for it. It runs inside the
 * caller's transaction; callers declare {@code dontRollbackOn = UiaRequiredException.class} so that a completed
 * stage is kept when the next one is asked for.
 */
@ApplicationScoped
public class UserInteractiveAuth {
    private final UiaSessionStore sessions;
    private final IdGenerator ids;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final HomeserverSettings settings;
    private final RateLimits rateLimits;

    public UserInteractiveAuth(UiaSessionStore sessions, IdGenerator ids, AccountRepository accounts,
                               PasswordHasher hasher, HomeserverSettings settings, RateLimits rateLimits) {
        this.sessions = sessions;
        this.ids = ids;
        this.accounts = accounts;
        this.hasher = hasher;
        this.settings = settings;
        this.rateLimits = rateLimits;
    }

    /** The flow that asks for the user's password. */
    public static List<UiaFlow> passwordFlow() {
        return List.of(UiaFlow.of(AuthTypes.PASSWORD));
    }

    /**
     * Returns when the request is fully authenticated; otherwise throws {@link UiaRequiredException}.
     *
     * @param purpose what is being authorised (the session may not be reused for anything else)
     * @param user    the user who must authenticate, or null when nobody is logged in (registration)
     */
    public void authorize(String purpose, UserId user, List<UiaFlow> flows, UiaAuth auth, Instant now) {
        String boundUser = user == null ? null : user.toString();
        if (auth == null) {
            UiaSession fresh = UiaSession.start(ids.secret(), purpose, boundUser, now);
            sessions.save(fresh);
            throw challenge(flows, fresh, null, null);
        }
        UiaSession session = auth.session() == null
                ? UiaSession.start(ids.secret(), purpose, boundUser, now)
                : sessions.find(auth.session()).filter(s -> !s.isExpired(now))
                        .orElseThrow(() -> new DomainException(ErrorKind.UNKNOWN, "Unknown session ID"));
        session.ensureBoundTo(purpose, boundUser);
        if (auth.type() == null) {
            sessions.save(session);
            throw challenge(flows, session, null, null);
        }
        if (!session.mayAttempt(auth.type(), flows)) {
            sessions.save(session);
            throw challenge(flows, session, ErrorKind.UNRECOGNIZED, "Authentication type " + auth.type() + " is not allowed here");
        }
        failureOf(auth, user, now).ifPresent(failure -> {
            sessions.save(session);
            throw challenge(flows, session, failure.kind(), failure.getMessage());
        });
        UiaSession advanced = session.complete(auth.type());
        if (advanced.satisfies(flows)) {
            if (auth.session() != null) {
                sessions.delete(advanced.id());
            }
            return;
        }
        sessions.save(advanced);
        throw challenge(flows, advanced, null, null);
    }

    private Optional<DomainException> failureOf(UiaAuth auth, UserId user, Instant now) {
        return switch (auth.type()) {
            case AuthTypes.DUMMY -> Optional.empty();
            case AuthTypes.REGISTRATION_TOKEN -> settings.registrationTokens().isValid(auth.token())
                    ? Optional.empty()
                    : Optional.of(new DomainException(ErrorKind.UNAUTHORIZED, "Invalid registration token"));
            case AuthTypes.PASSWORD -> passwordFailure(auth, user, now);
            default -> Optional.of(new DomainException(ErrorKind.UNRECOGNIZED, "Unknown authentication type"));
        };
    }

    /** Wrong passwords count against the same limit as failed logins (Synapse's rc_login.failed_attempts). */
    private Optional<DomainException> passwordFailure(UiaAuth auth, UserId user, Instant now) {
        DomainException invalid = DomainException.forbidden("Invalid password");
        if (user == null || auth.password() == null) {
            return Optional.of(invalid);
        }
        if (auth.user() != null && !names(user, auth.user())) {
            return Optional.of(DomainException.forbidden("Requested user is not the authenticated user"));
        }
        rateLimits.ensureNotTooManyFailures(user.toString(), now);
        boolean ok = accounts.find(user).map(a -> hasher.verify(auth.password(), a.passwordHash())).orElse(false);
        if (!ok) {
            rateLimits.loginFailed(user.toString(), now);
        }
        return ok ? Optional.empty() : Optional.of(invalid);
    }

    private boolean names(UserId user, String given) {
        try {
            return user.equals(Identifiers.resolveUser(given, settings.serverName()));
        } catch (DomainException e) {
            return false;
        }
    }

    private static UiaRequiredException challenge(List<UiaFlow> flows, UiaSession session, ErrorKind error,
                                                  String message) {
        Set<String> completed = session.completed();
        return new UiaRequiredException(flows, session.id(), completed, error,
                message == null ? "Additional authentication is required" : message);
    }
}
