package io.zhihang.application.service.admin.users;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.port.in.admin.AdminCaller;
import io.zhihang.application.port.in.admin.AdminUserQueries;
import io.zhihang.application.port.in.admin.ManageUsersUseCase;
import io.zhihang.application.port.in.admin.UpsertUserCommand;
import io.zhihang.application.port.in.profile.UpdateProfileUseCase;
import io.zhihang.application.port.out.AccessTokenRepository;
import io.zhihang.application.port.out.AccountRepository;
import io.zhihang.application.port.out.DeviceRepository;
import io.zhihang.application.port.out.PasswordHasher;
import io.zhihang.application.port.out.ProfileRepository;
import io.zhihang.application.port.out.admin.AdminUserDirectory;
import io.zhihang.application.port.out.admin.RateLimitOverrides;
import io.zhihang.application.port.out.admin.ShadowBans;
import io.zhihang.application.port.out.admin.UserListing;
import io.zhihang.application.port.out.admin.UserSummary;
import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.service.account.AccountService;
import io.zhihang.application.service.admin.AdminAudit;
import io.zhihang.application.service.auth.SessionIssuer;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.domain.account.Account;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.ratelimit.RateLimitOverride;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Synapse's user admin API: server admins read and change local accounts. Every change is one transaction with its
 * audit entry; a refusal changes nothing.
 */
@ApplicationScoped
public class AdminUserService implements AdminUserQueries, ManageUsersUseCase {
    private final AccountRepository accounts;
    private final AdminUserDirectory directory;
    private final ProfileRepository profiles;
    private final UpdateProfileUseCase profileUpdates;
    private final DeviceRepository devices;
    private final AccessTokenRepository tokens;
    private final PasswordHasher hasher;
    private final AccountService accountService;
    private final SessionIssuer sessions;
    private final RoomStateStore roomState;
    private final ShadowBans shadowBans;
    private final RateLimitOverrides overrides;
    private final AdminAudit audit;
    private final HomeserverSettings settings;
    private final InstantSource clock;
    private final Event<DevicesChanged> deviceChanges;

    public AdminUserService(AccountRepository accounts, AdminUserDirectory directory, ProfileRepository profiles,
                            UpdateProfileUseCase profileUpdates, DeviceRepository devices,
                            AccessTokenRepository tokens, PasswordHasher hasher, AccountService accountService,
                            SessionIssuer sessions, RoomStateStore roomState, ShadowBans shadowBans,
                            RateLimitOverrides overrides, AdminAudit audit, HomeserverSettings settings,
                            InstantSource clock, Event<DevicesChanged> deviceChanges) {
        this.accounts = accounts;
        this.directory = directory;
        this.profiles = profiles;
        this.profileUpdates = profileUpdates;
        this.devices = devices;
        this.tokens = tokens;
        this.hasher = hasher;
        this.accountService = accountService;
        this.sessions = sessions;
        this.roomState = roomState;
        this.shadowBans = shadowBans;
        this.overrides = overrides;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.deviceChanges = deviceChanges;
    }

    // ---- queries ----

    @Override
    @Transactional
    public UserSummary user(Requester admin, UserId user) {
        admin.ensureAdmin();
        local(user, "Can only look up local users");
        return directory.find(user).orElseThrow(AdminUserService::unknownUser);
    }

    @Override
    @Transactional
    public AdminUserDirectory.Page users(Requester admin, UserListing listing) {
        admin.ensureAdmin();
        return directory.list(listing);
    }

    @Override
    @Transactional
    public List<String> joinedRooms(Requester admin, UserId user) {
        admin.ensureAdmin();
        known(user, "Can only look up local users");
        return roomState.roomsWith(user.toString(), "join");
    }

    @Override
    @Transactional
    public boolean isAdmin(Requester admin, UserId user) {
        admin.ensureAdmin();
        return known(user, "Only local users can be admins of this homeserver").admin();
    }

    @Override
    @Transactional
    public Optional<RateLimitOverride> rateLimitOverride(Requester admin, UserId user) {
        admin.ensureAdmin();
        known(user, "Can only look up local users");
        return overrides.find(user);
    }

    @Override
    @Transactional
    public List<Device> devices(Requester admin, UserId user) {
        admin.ensureAdmin();
        known(user, "Can only look up local users");
        return devices.listFor(user);
    }

    @Override
    @Transactional
    public Device device(Requester admin, UserId user, DeviceId deviceId) {
        admin.ensureAdmin();
        known(user, "Can only look up local users");
        return devices.find(user, deviceId).orElseThrow(() -> DomainException.notFound("Device not found"));
    }

    // ---- changes ----

    @Override
    @Transactional
    public boolean upsert(UpsertUserCommand command) {
        Requester admin = command.caller().admin();
        admin.ensureAdmin();
        UserId user = command.user();
        local(user, "This endpoint can only be used with local users");
        if (command.password() != null) {
            settings.passwordPolicy().check(command.password());
        }
        Instant now = clock.instant();
        Optional<Account> existing = accounts.find(user);
        if (existing.isEmpty()) {
            create(command, now);
            return true;
        }
        modify(command, existing.get(), now);
        return false;
    }

    private void create(UpsertUserCommand command, Instant now) {
        UserId user = settings.usernamePolicy().validate(command.user().localpart());
        String hash = command.password() == null ? null : hasher.hash(command.password());
        boolean admin = Boolean.TRUE.equals(command.admin());
        if (!accounts.insert(Account.register(user, hash, admin, now))) {
            throw new DomainException(ErrorKind.USER_IN_USE, "User ID already taken.");
        }
        String displayName = command.displayName() == null ? user.localpart() : command.displayName();
        profiles.save(user, new Profile(displayName, command.avatarUrl()));
        if (Boolean.TRUE.equals(command.deactivated())) {
            accountService.deactivateAccount(accounts.find(user).orElseThrow(), false, now);
        }
        record(command.caller(), "create_user", user, JsonObject.builder().put("admin", admin)
                .put("deactivated", Boolean.TRUE.equals(command.deactivated())).build());
    }

    private void modify(UpsertUserCommand command, Account account, Instant now) {
        Requester admin = command.caller().admin();
        UserId user = account.userId();
        JsonObject.Builder details = JsonObject.builder();
        if (command.admin() != null && command.admin() != account.admin()) {
            ensureNotSelfDemotion(admin, user, command.admin());
            account = account.withAdmin(command.admin());
            accounts.update(account);
            details.put("admin", command.admin());
        }
        String newHash = command.password() == null ? null : hasher.hash(command.password());
        if (command.deactivated() != null && !command.deactivated() && account.deactivated()) {
            account = account.reactivate(newHash);
            accounts.update(account);
            details.put("deactivated", false);
        } else if (newHash != null) {
            account = account.withPasswordHash(newHash);
            accounts.update(account);
            if (command.logoutDevices()) {
                logOut(admin, user);
            }
            details.put("password_changed", true).put("logout_devices", command.logoutDevices());
        }
        if (Boolean.TRUE.equals(command.deactivated()) && !account.deactivated()) {
            accountService.deactivateAccount(account, false, now);
            details.put("deactivated", true);
        } else if (!account.deactivated()) {
            if (command.displayName() != null) {
                profileUpdates.setDisplayName(admin, user, command.displayName());
                details.put("displayname", command.displayName());
            }
            if (command.avatarUrl() != null) {
                profileUpdates.setAvatarUrl(admin, user, command.avatarUrl());
                details.put("avatar_url", command.avatarUrl());
            }
        }
        record(command.caller(), "modify_user", user, details.build());
    }

    @Override
    @Transactional
    public void deactivate(AdminCaller caller, UserId user, boolean erase) {
        caller.admin().ensureAdmin();
        Account account = known(user, "Can only deactivate local users");
        accountService.deactivateAccount(account, erase, clock.instant());
        record(caller, "deactivate_user", user, JsonObject.builder().put("erase", erase).build());
    }

    @Override
    @Transactional
    public void resetPassword(AdminCaller caller, UserId user, String newPassword, boolean logoutDevices) {
        caller.admin().ensureAdmin();
        if (newPassword == null) {
            throw DomainException.missingParam("Missing param new_password");
        }
        Account account = known(user, "Can only reset the password of local users");
        settings.passwordPolicy().check(newPassword);
        accounts.update(account.withPasswordHash(hasher.hash(newPassword)));
        if (logoutDevices) {
            logOut(caller.admin(), user);
        }
        record(caller, "reset_password", user, JsonObject.builder().put("logout_devices", logoutDevices).build());
    }

    @Override
    @Transactional
    public void setAdmin(AdminCaller caller, UserId user, boolean admin) {
        caller.admin().ensureAdmin();
        Account account = known(user, "Only local users can be admins of this homeserver");
        if (account.admin() == admin) {
            return;
        }
        ensureNotSelfDemotion(caller.admin(), user, admin);
        accounts.update(account.withAdmin(admin));
        record(caller, "set_admin", user, JsonObject.builder().put("admin", admin).build());
    }

    @Override
    @Transactional
    public String loginAs(AdminCaller caller, UserId user, Instant validUntil) {
        caller.admin().ensureAdmin();
        known(user, "Only local users can be logged in as");
        if (caller.admin().userId().equals(user)) {
            throw DomainException.invalidParam("Cannot use admin API to login as self");
        }
        Instant now = clock.instant();
        String token = sessions.openExpiring(user, null, validUntil, now);
        JsonObject.Builder details = JsonObject.builder();
        if (validUntil != null) {
            details.put("valid_until_ms", validUntil.toEpochMilli());
        }
        record(caller, "login_as_user", user, details.build());
        return token;
    }

    @Override
    @Transactional
    public void setShadowBanned(AdminCaller caller, UserId user, boolean banned) {
        caller.admin().ensureAdmin();
        known(user, "Only local users can be shadow-banned");
        if (banned) {
            shadowBans.ban(user, clock.instant());
        } else {
            shadowBans.unban(user);
        }
        record(caller, banned ? "shadow_ban" : "shadow_unban", user, JsonObject.EMPTY);
    }

    @Override
    @Transactional
    public void setRateLimitOverride(AdminCaller caller, UserId user, RateLimitOverride override) {
        caller.admin().ensureAdmin();
        known(user, "Only local users can be ratelimited");
        overrides.set(user, override);
        record(caller, "override_ratelimit", user, JsonObject.builder()
                .put("messages_per_second", override.messagesPerSecond())
                .put("burst_count", override.burstCount()).build());
    }

    @Override
    @Transactional
    public void deleteRateLimitOverride(AdminCaller caller, UserId user) {
        caller.admin().ensureAdmin();
        known(user, "Only local users can be ratelimited");
        overrides.delete(user);
        record(caller, "delete_ratelimit_override", user, JsonObject.EMPTY);
    }

    // ---- helpers ----

    /** Logs the user out everywhere, except the admin's own session when the admin changes their own password. */
    private void logOut(Requester admin, UserId user) {
        DeviceId keep = admin.userId().equals(user) ? admin.deviceId() : null;
        tokens.deleteForUserExcept(user, keep);
        List<DeviceId> removed = devices.deleteAllExcept(user, keep);
        deviceChanges.fire(DevicesChanged.removed(user, removed));
    }

    private static void ensureNotSelfDemotion(Requester admin, UserId user, boolean newAdmin) {
        if (!newAdmin && admin.userId().equals(user)) {
            throw DomainException.invalidParam("You may not demote yourself.");
        }
    }

    private void local(UserId user, String refusal) {
        if (!user.isLocalTo(settings.serverName())) {
            throw DomainException.invalidParam(refusal);
        }
    }

    private Account known(UserId user, String remoteRefusal) {
        local(user, remoteRefusal);
        return accounts.find(user).orElseThrow(AdminUserService::unknownUser);
    }

    private void record(AdminCaller caller, String action, UserId target, JsonObject details) {
        audit.record(caller.admin(), caller.ip(), action, target.toString(), details);
    }

    private static DomainException unknownUser() {
        return DomainException.notFound("User not found");
    }
}
