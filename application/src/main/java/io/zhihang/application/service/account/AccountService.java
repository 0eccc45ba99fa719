package io.zhihang.application.service.account;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.account.ChangePasswordCommand;
import io.zhihang.application.port.in.account.ChangePasswordUseCase;
import io.zhihang.application.port.in.account.DeactivateAccountUseCase;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.ErasedUsers;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.application.service.auth.UserInteractiveAuth;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.UserId;
import io.zhihang.application.service.devicelist.DevicesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Password change and deactivation, both behind the user's password (User-Interactive Authentication). */
@ApplicationScoped
public class AccountService implements ChangePasswordUseCase, DeactivateAccountUseCase {
    private final AccountRepository accounts;
    private final DeviceRepository devices;
    private final AccessTokenRepository tokens;
    private final ProfileRepository profiles;
    private final PasswordHasher hasher;
    private final UserInteractiveAuth uia;
    private final HomeserverSettings settings;
    private final InstantSource clock;
    private final Event<DevicesChanged> deviceChanges;
    private final Event<AccountDeactivated> deactivations;
    private final ErasedUsers erased;

    public AccountService(AccountRepository accounts, DeviceRepository devices, AccessTokenRepository tokens,
                          ProfileRepository profiles, PasswordHasher hasher, UserInteractiveAuth uia,
                          HomeserverSettings settings, InstantSource clock,
                          Event<DevicesChanged> deviceChanges, Event<AccountDeactivated> deactivations,
                          ErasedUsers erased) {
        this.erased = erased;
        this.accounts = accounts;
        this.devices = devices;
        this.tokens = tokens;
        this.profiles = profiles;
        this.hasher = hasher;
        this.uia = uia;
        this.settings = settings;
        this.clock = clock;
        this.deviceChanges = deviceChanges;
        this.deactivations = deactivations;
    }

    @Override
    @Transactional(dontRollbackOn = UiaRequiredException.class)
    public void changePassword(ChangePasswordCommand command) {
        Requester requester = command.requester();
        settings.passwordPolicy().check(command.newPassword());
        uia.authorize("account/password", requester.userId(), UserInteractiveAuth.passwordFlow(), command.auth(),
                clock.instant());
        Account account = load(requester);
        accounts.update(account.withPasswordHash(hasher.hash(command.newPassword())));
        if (command.logoutDevices()) {
            tokens.deleteForUserExcept(requester.userId(), requester.deviceId());
            List<DeviceId> removed = devices.deleteAllExcept(requester.userId(), requester.deviceId());
            deviceChanges.fire(DevicesChanged.removed(requester.userId(), removed));
        }
    }

    @Override
    @Transactional(dontRollbackOn = UiaRequiredException.class)
    public void deactivate(Requester requester, UiaAuth auth, boolean erase) {
        Instant now = clock.instant();
        uia.authorize("account/deactivate", requester.userId(), UserInteractiveAuth.passwordFlow(), auth, now);
        deactivateAccount(load(requester), erase, now);
    }

    /**
     * The deactivation itself, in the caller's transaction, once the caller is authorised (the user through
     * User-Interactive Authentication, or a server admin): sessions and devices go, the profile is cleared, and with
     * {@code erase} the user is marked erased.
     */
    public void deactivateAccount(Account account, boolean erase, Instant now) {
        UserId user = account.userId();
        accounts.update(account.deactivate());
        tokens.deleteForUserExcept(user, null);
        List<DeviceId> removed = devices.deleteAllExcept(user, null);
        deviceChanges.fire(DevicesChanged.removed(user, removed));
        deactivations.fire(new AccountDeactivated(user));
        profiles.save(user, Profile.EMPTY);
        if (erase) {
            erased.erase(user, now);
        }
    }

    private Account load(Requester requester) {
        return accounts.find(requester.userId())
                .orElseThrow(() -> DomainException.notFound("Unknown user"));
    }
}
