package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.SharedSecretRegisterCommand;
import io.zhihang.application.port.in.auth.SharedSecretRegistrationUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.IdGenerator;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.auth.SharedSecretMac;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synapse's shared-secret registration, used by {@code register_new_matrix_user} and synadm to create the first
 * admin. Nonces are single-use and live one minute; they are held in memory, like Synapse's.
 */
@ApplicationScoped
public class SharedSecretRegistrationService implements SharedSecretRegistrationUseCase {
    private static final Duration NONCE_LIFETIME = Duration.ofSeconds(60);

    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
    private final AccountRepository accounts;
    private final ProfileRepository profiles;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final IdGenerator ids;
    private final HomeserverSettings settings;
    private final InstantSource clock;

    public SharedSecretRegistrationService(AccountRepository accounts, ProfileRepository profiles,
                                           PasswordHasher hasher, SessionIssuer sessions, IdGenerator ids,
                                           HomeserverSettings settings, InstantSource clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.hasher = hasher;
        this.sessions = sessions;
        this.ids = ids;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String newNonce() {
        secret();
        Instant now = clock.instant();
        nonces.values().removeIf(issued -> issued.plus(NONCE_LIFETIME).isBefore(now));
        String nonce = ids.secret();
        nonces.put(nonce, now);
        return nonce;
    }

    @Override
    @Transactional
    public IssuedSession register(SharedSecretRegisterCommand command) {
        String secret = secret();
        Instant now = clock.instant();
        Instant issued = nonces.remove(command.nonce());
        if (issued == null || issued.plus(NONCE_LIFETIME).isBefore(now)) {
            throw new DomainException(ErrorKind.UNKNOWN, "unrecognised nonce");
        }
        String expected = SharedSecretMac.compute(secret, command.nonce(), command.username(), command.password(),
                command.admin(), command.userType());
        if (!SharedSecretMac.matches(expected, command.mac())) {
            throw DomainException.forbidden("HMAC incorrect");
        }
        UserId userId = settings.usernamePolicy().validate(command.username());
        settings.passwordPolicy().check(command.password());
        if (!accounts.insert(Account.register(userId, hasher.hash(command.password()), command.admin(), now))) {
            throw new DomainException(ErrorKind.USER_IN_USE, "User ID already taken.");
        }
        String displayName = command.displayName() == null ? userId.localpart() : command.displayName();
        profiles.save(userId, new Profile(displayName, null));
        return sessions.open(userId, null, null, false, null, now);
    }

    private String secret() {
        return settings.registrationSharedSecret()
                .orElseThrow(() -> new DomainException(ErrorKind.UNKNOWN, "Shared secret registration is not enabled"));
    }
}
