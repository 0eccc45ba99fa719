package io.zhihang.application.service.auth;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.security.RecordSecurityEventUseCase;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.LoginCommand;
import io.zhihang.application.port.in.auth.LoginUseCase;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.security.SecurityEventType;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

@ApplicationScoped
public class LoginService implements LoginUseCase {
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final RateLimits rateLimits;
    private final HomeserverSettings settings;
    private final RecordSecurityEventUseCase securityEvents;
    private final InstantSource clock;

    public LoginService(AccountRepository accounts, PasswordHasher hasher, SessionIssuer sessions,
                        RateLimits rateLimits, HomeserverSettings settings, RecordSecurityEventUseCase securityEvents,
                        InstantSource clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.settings = settings;
        this.securityEvents = securityEvents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedSession login(LoginCommand command) {
        Instant now = clock.instant();
        rateLimits.loginFromAddress(command.clientIp(), now);
        UserId userId = Identifiers.resolveUser(command.user(), settings.serverName());
        rateLimits.loginForAccount(userId.toString(), now);
        Optional<Account> account = userId.isLocalTo(settings.serverName()) ? accounts.find(userId) : Optional.empty();
        if (account.isEmpty()) {
            hasher.simulateVerify(command.password());
        }
        if (account.isEmpty() || !hasher.verify(command.password(), account.get().passwordHash())) {
            rateLimits.loginFailed(userId.toString(), now);
            // the user only when the account exists: a mistyped name may be a password typed in the wrong field
            securityEvents.record(new SecurityEvent(SecurityEventType.FAILED_LOGIN, now,
                    account.isPresent() ? userId.toString() : null, command.clientIp(), null, null,
                    JsonObject.builder().put("reason", account.isPresent() ? "wrong_password" : "unknown_user")
                            .build()));
            throw DomainException.forbidden("Invalid username or password");
        }
        account.get().ensureActive();
        return sessions.open(userId, command.deviceId(), command.initialDeviceDisplayName(),
                command.refreshToken(), command.clientIp(), now);
    }
}
