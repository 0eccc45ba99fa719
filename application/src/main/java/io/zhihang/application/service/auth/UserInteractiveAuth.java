package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.security.RecordSecurityEventUseCase;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.application.port.out.RegistrationTokenRepository;
import io.zhihang.application.port.out.UiaSessionStore;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.auth.UiaSession;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;
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
    private final RegistrationTokenRepository registrationTokens;
    private final RecordSecurityEventUseCase securityEvents;

    public UserInteractiveAuth(UiaSessionStore sessions, IdGenerator ids, AccountRepository accounts,
                               PasswordHasher hasher, HomeserverSettings settings, RateLimits rateLimits,
                               RegistrationTokenRepository registrationTokens,
                               RecordSecurityEventUseCase securityEvents) {
        this.sessions = sessions;
        this.ids = ids;
        this.accounts = accounts;
        this.hasher = hasher;
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.registrationTokens = registrationTokens;
        this.securityEvents = securityEvents;
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
        run(purpose, user, flows, auth, null, false, now);
    }

    /**
     * Registration's variant, as Synapse's: the session remembers the request's parameters ({@code clientParams},
     * JSON text, or null when this request brought none and the remembered ones stay in force) and outlives its
     * completion until it expires, so that repeating the last request can be answered the same. Returns the
     * completed session with what it remembers.
     */
    public UiaSession authorizeRemembering(String purpose, List<UiaFlow> flows, UiaAuth auth, String clientParams,
                                           Instant now) {
        return run(purpose, null, flows, auth, clientParams, true, now);
    }

    /** The live session a request continues, if it names one. */
    public Optional<UiaSession> continued(UiaAuth auth, Instant now) {
        return auth == null ? Optional.empty() : live(auth.session(), now);
    }

    /** The session with this id, unless it is unknown or expired. */
    public Optional<UiaSession> live(String sessionId, Instant now) {
        return sessionId == null ? Optional.empty() : sessions.find(sessionId).filter(s -> !s.isExpired(now));
    }

    /** Stores what a session remembers beyond its stages (a password's hash, the operation's result). */
    public void remember(UiaSession session) {
        sessions.save(session);
    }

    private UiaSession run(String purpose, UserId user, List<UiaFlow> flows, UiaAuth auth, String clientParams,
                           boolean keep, Instant now) {
        String boundUser = user == null ? null : user.toString();
        if (auth == null) {
            UiaSession fresh = UiaSession.start(ids.secret(), purpose, boundUser, now).withClientParams(clientParams);
            sessions.save(fresh);
            throw challenge(flows, fresh, null, null);
        }
        UiaSession session = (auth.session() == null
                ? UiaSession.start(ids.secret(), purpose, boundUser, now)
                : sessions.find(auth.session()).filter(s -> !s.isExpired(now))
                        .orElseThrow(() -> new DomainException(ErrorKind.UNKNOWN, "Unknown session ID")));
        session.ensureBoundTo(purpose, boundUser);
        UiaSession current = session.withClientParams(clientParams);
        if (auth.type() == null) {
            sessions.save(current);
            throw challenge(flows, current, null, null);
        }
        if (!current.mayAttempt(auth.type(), flows)) {
            sessions.save(current);
            throw challenge(flows, current, ErrorKind.UNRECOGNIZED, "Authentication type " + auth.type() + " is not allowed here");
        }
        failureOf(auth, user, current, now).ifPresent(failure -> {
            sessions.save(current);
            throw challenge(flows, current, failure.kind(), failure.getMessage());
        });
        UiaSession advanced = current.complete(auth.type());
        if (advanced.satisfies(flows)) {
            if (auth.session() != null) {
                if (keep) {
                    sessions.save(advanced);
                } else {
                    sessions.delete(advanced.id());
                }
            }
            return advanced;
        }
        sessions.save(advanced);
        throw challenge(flows, advanced, null, null);
    }

    /**
     * A registration that used an admin-made registration token: its hold on the token becomes a completed use (in
     * the registration's transaction).
     */
    public void registrationCompleted(UiaSession session) {
        registrationTokens.complete(session.id());
    }

    /**
     * The registration token stage accepts a configured token (unlimited, never expiring) or an admin-made one that
     * is unexpired with a use left; the latter is then held by the session (pending) until the registration
     * completes or the session expires.
     */
    private boolean acceptsRegistrationToken(String token, UiaSession session, Instant now) {
        return settings.registrationTokens().isValid(token)
                || token != null && registrationTokens.hold(token, session.id(), now, now.minus(UiaSession.LIFETIME));
    }

    private Optional<DomainException> failureOf(UiaAuth auth, UserId user, UiaSession session, Instant now) {
        return switch (auth.type()) {
            case AuthTypes.DUMMY -> Optional.empty();
            case AuthTypes.REGISTRATION_TOKEN -> acceptsRegistrationToken(auth.token(), session, now)
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
            // Synapse answers 403 outright, not another 401 round: the credentials are for someone else.
            throw DomainException.forbidden("Requested user is not the authenticated user");
        }
        rateLimits.ensureNotTooManyFailures(user.toString(), now);
        boolean ok = accounts.find(user).map(a -> hasher.verify(auth.password(), a.passwordHash())).orElse(false);
        if (!ok) {
            rateLimits.loginFailed(user.toString(), now);
            // UIA runs below the endpoints, which do not pass the client's address down: the event names the user
            securityEvents.record(new SecurityEvent(SecurityEventType.UIA_FAILED, now, user.toString(), null, null,
                    null, JsonObject.builder().put("stage", AuthTypes.PASSWORD).build()));
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
