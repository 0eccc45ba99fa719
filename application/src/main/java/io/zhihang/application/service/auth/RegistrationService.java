package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.RegisterAccountUseCase;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.RegistrationResult;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.out.AccessTokenSigner;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.GrantDirectory;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.RegistrationParams;
import io.zhihang.domain.auth.UiaSession;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class RegistrationService implements RegisterAccountUseCase {
    static final String PURPOSE = "register";
    /** Synapse gives every guest this device id ({@code synapse.api.auth.GUEST_DEVICE_ID}). */
    static final String GUEST_DEVICE_ID = "guest_device";

    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final PasswordHasher hasher;
    private final UserInteractiveAuth uia;
    private final SessionIssuer sessions;
    private final RateLimits rateLimits;
    private final IdGenerator ids;
    private final HomeserverSettings settings;
    private final AccessTokenSigner signer;
    private final GrantDirectory grants;
    private final InstantSource clock;

    public RegistrationService(AccountRepository accounts, ProfileRepository profiles, PasswordHasher hasher,
                               UserInteractiveAuth uia, SessionIssuer sessions, RateLimits rateLimits,
                               IdGenerator ids, HomeserverSettings settings, AccessTokenSigner signer,
                               GrantDirectory grants, InstantSource clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.hasher = hasher;
        this.uia = uia;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.ids = ids;
        this.settings = settings;
        this.signer = signer;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * Synapse's order: refusals that need no authentication first (registration closed, rate limit, a password
     * against the policy, a taken user name), then User-Interactive Authentication, whose 401 carries the flows (so
     * an empty body learns how to register); the session remembers the first request's parameters and a password's
     * hash, and once it has registered a user, repeating the last request answers for that user instead of failing.
     * A {@code guest_access_token} makes that guest the registered account (same user id, now with a password);
     * a {@code username} then must be the guest's own.
     */
    @Override
    @Transactional(dontRollbackOn = UiaRequiredException.class)
    public RegistrationResult register(RegisterCommand command) {
        Instant now = clock.instant();
        if (command.isGuest()) {
            return registerGuest(command, now);
        }
        if (!settings.registrationEnabled()) {
            throw DomainException.forbidden("Registration has been disabled");
        }
        rateLimits.registrationFromAddress(command.clientIp(), now);
        UserId guest = command.guestAccessToken() == null ? null : guestOf(command.guestAccessToken());
        Optional<UiaSession> continued = uia.continued(command.auth(), now);
        String registered = continued.map(UiaSession::result).orElse(null);
        if (command.password() != null) {
            settings.passwordPolicy().check(command.password());
        }
        if (command.username() != null && registered == null) {
            if (guest != null) {
                ensureGuestsOwn(command.username(), guest);
            } else {
                available(command.username());
            }
        }
        RegistrationParams given = command.params(guest == null ? null : guest.toString());
        UiaSession session;
        try {
            session = uia.authorizeRemembering(PURPOSE, flows(), command.auth(),
                    given.isEmpty() ? null : given.toJson(), now);
        } catch (UiaRequiredException incomplete) {
            if (command.password() != null) {
                uia.live(incomplete.session(), now)
                        .filter(s -> s.passwordHash() == null)
                        .ifPresent(s -> uia.remember(s.withPasswordHash(hasher.hash(command.password()))));
            }
            throw incomplete;
        }
        RegistrationParams params = given.isEmpty() ? RegistrationParams.fromJson(session.clientParams()) : given;
        UserId userId;
        if (session.result() != null) {
            userId = UserId.parse(session.result());
        } else {
            String passwordHash = command.password() != null ? hasher.hash(command.password()) : session.passwordHash();
            if (passwordHash == null) {
                throw DomainException.missingParam("Missing password");
            }
            if (params.upgradingGuest() != null) {
                userId = upgradeGuest(UserId.parse(params.upgradingGuest()), params.username(), passwordHash);
            } else {
                userId = params.username() == null ? freshUserId() : available(params.username());
                if (!accounts.insert(Account.register(userId, passwordHash, false, now))) {
                    throw new DomainException(ErrorKind.USER_IN_USE, "User ID already taken.");
                }
                profiles.save(userId, new Profile(userId.localpart(), null));
            }
            uia.registrationCompleted(session);
            rateLimits.registered(command.clientIp(), now);
            if (command.auth() != null && command.auth().session() != null) {
                uia.remember(session.withResult(userId.toString()).withPasswordHash(null));
            }
        }
        Optional<IssuedSession> issued = params.inhibitLogin()
                ? Optional.empty()
                : Optional.of(sessions.open(userId, params.deviceId(), params.initialDeviceDisplayName(),
                        params.refreshToken(), command.clientIp(), now));
        return new RegistrationResult(userId, issued);
    }

    /**
     * Synapse's {@code _do_guest_registration}: a numeric user id, the device {@code guest_device}, a long-lived
     * access token; open even when registration is closed, unless guest access is switched off.
     */
    private RegistrationResult registerGuest(RegisterCommand command, Instant now) {
        if (!settings.allowGuestAccess()) {
            throw DomainException.forbidden("Guest access is disabled");
        }
        rateLimits.registrationFromAddress(command.clientIp(), now);
        UserId userId = null;
        for (int attempt = 0; attempt < 10 && userId == null; attempt++) {
            UserId candidate = new UserId(ids.guestLocalpart(), settings.serverName());
            if (!accounts.exists(candidate) && accounts.insert(Account.registerGuest(candidate, now))) {
                userId = candidate;
            }
        }
        if (userId == null) {
            throw new IllegalStateException("Could not generate a free guest user id");
        }
        profiles.save(userId, new Profile(userId.localpart(), null));
        rateLimits.registered(command.clientIp(), now);
        IssuedSession session = sessions.open(userId, GUEST_DEVICE_ID, command.initialDeviceDisplayName(), false,
                command.clientIp(), now);
        return new RegistrationResult(userId, Optional.of(session));
    }

    /** The guest whose access token this is; anything else (a full account's token) is refused. */
    private UserId guestOf(String guestAccessToken) {
        return signer.verifiedTokenId(guestAccessToken)
                .flatMap(grants::findActive)
                .filter(GrantDirectory.ActiveGrant::holderIsGuest)
                .map(active -> active.grant().userId())
                .orElseThrow(() -> DomainException.forbidden(
                        "Cannot register taken user ID without valid guest credentials for that user."));
    }

    /** A guest keeps its user id: a username, if given, must be the guest's own localpart. */
    private static void ensureGuestsOwn(String username, UserId guest) {
        if (!username.toLowerCase(Locale.ROOT).equals(guest.localpart())) {
            throw DomainException.forbidden("A guest keeps its user ID when it registers: the username must be "
                    + guest.localpart());
        }
    }

    private UserId upgradeGuest(UserId guest, String username, String passwordHash) {
        if (username != null) {
            ensureGuestsOwn(username, guest);
        }
        Account account = accounts.find(guest).orElseThrow(() -> DomainException.forbidden(
                "Cannot register taken user ID without valid guest credentials for that user."));
        accounts.update(account.upgradeFromGuest(passwordHash));
        return guest;
    }

    @Override
    @Transactional
    public void checkAvailable(String username, String clientIp) {
        rateLimits.registrationFromAddress(clientIp, clock.instant());
        available(username);
    }

    private UserId available(String username) {
        UserId userId = settings.usernamePolicy().validate(username);
        if (accounts.exists(userId)) {
            throw new DomainException(ErrorKind.USER_IN_USE, "User ID already taken.");
        }
        return userId;
    }

    private UserId freshUserId() {
        for (int attempt = 0; attempt < 10; attempt++) {
            UserId candidate = new UserId(ids.localpart(), settings.serverName());
            if (!accounts.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate a free user id");
    }

    private List<UiaFlow> flows() {
        return settings.registrationTokens().required()
                ? List.of(UiaFlow.of(AuthTypes.REGISTRATION_TOKEN))
                : List.of(UiaFlow.of(AuthTypes.DUMMY));
    }
}
