package io.zhihang.application.scenario;

import io.zhihang.application.config.HomeserverSettings;
import io.zhihang.application.config.RateLimitSettings;
import io.zhihang.application.fakes.FakeAccessTokenSigner;
import io.zhihang.application.fakes.FakePasswordHasher;
import io.zhihang.application.fakes.InMemoryAccessTokenRepository;
import io.zhihang.application.fakes.InMemoryAccountRepository;
import io.zhihang.application.fakes.InMemoryDeviceRepository;
import io.zhihang.application.fakes.InMemoryGrantDirectory;
import io.zhihang.application.fakes.InMemoryProfileRepository;
import io.zhihang.application.fakes.InMemoryRegistrationTokens;
import io.zhihang.application.fakes.InMemoryUiaSessionStore;
import io.zhihang.application.fakes.MutableClock;
import io.zhihang.application.fakes.RecordingEvent;
import io.zhihang.application.fakes.SequentialIds;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.LoginCommand;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.service.account.AccountService;
import io.zhihang.application.service.auth.DeviceActivity;
import io.zhihang.application.service.auth.LoginService;
import io.zhihang.application.service.auth.RateLimits;
import io.zhihang.application.service.auth.RegistrationService;
import io.zhihang.application.service.auth.SessionIssuer;
import io.zhihang.application.service.auth.SharedSecretRegistrationService;
import io.zhihang.application.service.auth.TokenRetirement;
import io.zhihang.application.service.auth.TokenService;
import io.zhihang.application.service.auth.UserInteractiveAuth;
import io.zhihang.application.service.device.DeviceService;
import io.zhihang.application.service.devicelist.DeviceRenamed;
import io.zhihang.application.service.devicelist.DevicesChanged;
import io.zhihang.application.service.profile.ProfileService;
import io.zhihang.domain.account.PasswordPolicy;
import io.zhihang.domain.account.UsernamePolicy;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.RegistrationTokens;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.ratelimit.RateLimit;
import io.zhihang.domain.security.SecurityEvent;
import io.zhihang.domain.shared.ServerName;
import io.zhihang.domain.shared.UserId;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The application layer wired by hand on in-memory fakes, the way CDI wires it in the server.
 * Settings start as an open server on {@code example.org} without rate limits; the {@code with…} methods change one.
 */
public final class TestHomeserver {
    public static final ServerName SERVER = new ServerName("example.org");
    public static final Duration REFRESHABLE_TOKEN_LIFETIME = Duration.ofMinutes(5);
    public static final String SHARED_SECRET = "shared-s3cret";

    public final MutableClock clock = new MutableClock();
    public final SequentialIds ids = new SequentialIds();
    public final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    public final InMemoryDeviceRepository devices = new InMemoryDeviceRepository();
    public final InMemoryAccessTokenRepository tokens = new InMemoryAccessTokenRepository();
    public final InMemoryProfileRepository profiles = new InMemoryProfileRepository();
    public final InMemoryUiaSessionStore uiaSessions = new InMemoryUiaSessionStore();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final FakeAccessTokenSigner signer = new FakeAccessTokenSigner();
    public final RecordingEvent<DevicesChanged> deviceChanges = new RecordingEvent<>();
    public final RecordingEvent<DeviceRenamed> deviceRenames = new RecordingEvent<>();

    public final HomeserverSettings settings;
    public final RegistrationService registration;
    public final LoginService login;
    public final TokenService tokenService;
    public final DeviceActivity deviceActivity;
    public final AccountService accountService;
    public final DeviceService deviceService;
    public final ProfileService profileService;
    public final SharedSecretRegistrationService sharedSecretRegistration;

    public final InMemoryRegistrationTokens registrationTokens = new InMemoryRegistrationTokens();
    /** What the services wrote to the security event log. */
    public final List<SecurityEvent> securityEvents =
            new CopyOnWriteArrayList<>();

    private TestHomeserver(HomeserverSettings settings, RateLimitSettings rateLimitSettings) {
        this.settings = settings;
        RateLimits rateLimits = new RateLimits(rateLimitSettings);
        UserInteractiveAuth uia = new UserInteractiveAuth(uiaSessions, ids, accounts, hasher, settings, rateLimits,
                registrationTokens, securityEvents::add);
        SessionIssuer sessions = new SessionIssuer(devices, tokens, signer, ids, settings, deviceChanges);
        InMemoryGrantDirectory grants = new InMemoryGrantDirectory(tokens, accounts);
        registration = new RegistrationService(accounts, profiles, hasher, uia, sessions, rateLimits, ids, settings,
                signer, grants, clock);
        login = new LoginService(accounts, hasher, sessions, rateLimits, settings, securityEvents::add, clock);
        deviceActivity = new DeviceActivity(devices);
        tokenService = new TokenService(signer, tokens, grants, devices, sessions,
                new TokenRetirement(tokens),
                deviceActivity, clock, deviceChanges);
        accountService = new AccountService(accounts, devices, tokens, profiles, hasher, uia, settings, clock,
                deviceChanges, new RecordingEvent<>(), new io.zhihang.application.fakes.InMemoryErasedUsers());
        deviceService = new DeviceService(devices, tokens, uia, clock, deviceChanges, deviceRenames);
        profileService = new ProfileService(accounts, profiles, settings, new RecordingEvent<>());
        sharedSecretRegistration = new SharedSecretRegistrationService(accounts, profiles, hasher, sessions, ids,
                settings, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static TestHomeserver open() {
        return builder().build();
    }

    /** Registers {@code username} in one UIA step (m.login.dummy) and returns the first session. */
    public IssuedSession register(String username, String password) {
        return registration.register(new RegisterCommand("user", username, password, null, null, false, false,
                dummyAuth(null), null)).session().orElseThrow();
    }

    public IssuedSession login(String user, String password, String deviceId) {
        return login.login(new LoginCommand(AuthTypes.PASSWORD, AuthTypes.ID_USER, user, password, deviceId, null,
                false, null));
    }

    public IssuedSession loginRefreshable(String user, String password, String deviceId) {
        return login.login(new LoginCommand(AuthTypes.PASSWORD, AuthTypes.ID_USER, user, password, deviceId, null,
                true, null));
    }

    /** What the HTTP edge does with the {@code Authorization} header. */
    public Requester authenticate(IssuedSession session) {
        return tokenService.authenticate(session.accessToken());
    }

    public static UiaAuth dummyAuth(String session) {
        return new UiaAuth(AuthTypes.DUMMY, session, null, null, null);
    }

    public static UiaAuth passwordAuth(String session, UserId user, String password) {
        return new UiaAuth(AuthTypes.PASSWORD, session, user.toString(), password, null);
    }

    public static UiaAuth tokenAuth(String session, String token) {
        return new UiaAuth(AuthTypes.REGISTRATION_TOKEN, session, null, null, token);
    }

    public static UserId user(String localpart) {
        return new UserId(localpart, SERVER);
    }

    public static final class Builder {
        private boolean registrationEnabled = true;
        private boolean guestAccess = true;
        private RegistrationTokens registrationTokens = new RegistrationTokens(false, Set.of());
        private Optional<String> sharedSecret = Optional.empty();
        private RateLimitSettings rateLimits = new RateLimitSettings(false,
                new RateLimit(1, 1), new RateLimit(1, 1), new RateLimit(1, 1), new RateLimit(1, 1));

        private Builder() {
        }

        public Builder registrationDisabled() {
            registrationEnabled = false;
            return this;
        }

        public Builder guestAccessDisabled() {
            guestAccess = false;
            return this;
        }

        public Builder requiringRegistrationTokens(String... tokens) {
            registrationTokens = new RegistrationTokens(true, Set.of(tokens));
            return this;
        }

        public Builder withSharedSecret(String secret) {
            sharedSecret = Optional.of(secret);
            return this;
        }

        public Builder withRateLimits(RateLimitSettings settings) {
            rateLimits = settings;
            return this;
        }

        public TestHomeserver build() {
            HomeserverSettings settings = new HomeserverSettings(SERVER, "https://matrix.example.org/",
                    registrationEnabled, registrationTokens, sharedSecret,
                    new UsernamePolicy(SERVER, List.of(Pattern.compile("irc_.*"))),
                    new PasswordPolicy(8), REFRESHABLE_TOKEN_LIFETIME, guestAccess);
            return new TestHomeserver(settings, rateLimits);
        }
    }
}
