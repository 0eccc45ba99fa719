package io.zhihang.application.scenario;

import io.zhihang.application.config.RateLimitSettings;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.RegistrationResult;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.ratelimit.RateLimit;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.zhihang.application.scenario.TestHomeserver.dummyAuth;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code POST /register} and {@code GET /register/available} on an open server. */
class RegistrationScenarioTest {
    private final TestHomeserver server = TestHomeserver.open();

    @Test
    void registering_in_two_steps_keeps_the_session_between_them() {
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command("bob", "hunter2hunter2", null)));

        assertThat(challenge.flows()).containsExactly(UiaFlow.of(AuthTypes.DUMMY));
        assertThat(challenge.getMessage()).isEqualTo("Additional authentication is required");
        assertThat(server.uiaSessions.find(challenge.session())).isPresent();

        RegistrationResult result = server.registration.register(
                command("bob", "hunter2hunter2", dummyAuth(challenge.session())));

        assertThat(result.userId()).isEqualTo(user("bob"));
        assertThat(server.uiaSessions.find(challenge.session())).hasValueSatisfying(s -> {
            assertThat(s.result()).as("a repeated last request answers for this user").isEqualTo("@bob:example.org");
            assertThat(s.passwordHash()).as("no hash is kept once the account exists").isNull();
        });
    }

    @Test
    void registering_in_one_step_with_dummy_auth_and_no_session() {
        RegistrationResult result = server.registration.register(command("bob", "hunter2hunter2", dummyAuth(null)));

        assertThat(result.userId()).hasToString("@bob:example.org");
        assertThat(result.session()).hasValueSatisfying(s -> {
            assertThat(s.accessToken()).startsWith("tok.");
            assertThat(s.refreshToken()).isNull();
            assertThat(s.expiresIn()).isNull();
        });
        assertThat(server.accounts.find(user("bob"))).hasValueSatisfying(a -> {
            assertThat(a.passwordHash()).isEqualTo("hash:hunter2hunter2");
            assertThat(a.admin()).isFalse();
            assertThat(a.createdAt()).isEqualTo(server.clock.instant());
        });
        assertThat(server.uiaSessions.size()).isZero();
    }

    @Test
    void an_auth_object_without_a_type_only_reopens_the_challenge() {
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command("bob", "hunter2hunter2",
                        new UiaAuth(null, null, null, null, null))));

        assertThat(challenge.error()).isNull();
        assertThat(server.uiaSessions.find(challenge.session())).isPresent();
        assertThat(server.accounts.exists(user("bob"))).isFalse();
    }

    @Test
    void the_new_account_gets_its_localpart_as_display_name_and_the_device_it_asked_for() {
        RegistrationResult result = server.registration.register(new RegisterCommand("user", "Bob", "hunter2hunter2",
                "LAPTOP", "Bob's laptop", false, false, dummyAuth(null), "10.0.0.7"));

        assertThat(server.profiles.find(user("bob"))).contains(new Profile("bob", null));
        assertThat(result.session().orElseThrow().deviceId()).isEqualTo(new DeviceId("LAPTOP"));
        assertThat(server.devices.find(user("bob"), new DeviceId("LAPTOP"))).hasValueSatisfying(d -> {
            assertThat(d.displayName()).isEqualTo("Bob's laptop");
            assertThat(d.lastSeenIp()).isEqualTo("10.0.0.7");
        });
    }

    @Test
    void a_taken_username_is_refused_with_user_in_use_before_any_authentication() {
        server.register("bob", "hunter2hunter2");

        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.registration.register(command("BOB", "otherpassword", null)));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.USER_IN_USE);
        assertThat(refusal.getMessage()).isEqualTo("User ID already taken.");
        assertThat(server.accounts.find(user("bob")).orElseThrow().passwordHash()).isEqualTo("hash:hunter2hunter2");
    }

    @Test
    void a_name_taken_while_authenticating_is_still_refused() {
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command("bob", "hunter2hunter2", null)));
        server.register("bob", "someone-else");

        DomainException refusal = catchThrowableOfType(DomainException.class, () -> server.registration.register(
                command("bob", "hunter2hunter2", dummyAuth(challenge.session()))));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.USER_IN_USE);
    }

    @Test
    void invalid_reserved_and_weak_choices_are_refused_with_the_matching_error() {
        assertThat(refusalOf(command("_bob", "hunter2hunter2", dummyAuth(null)))).isEqualTo(ErrorKind.INVALID_USERNAME);
        assertThat(refusalOf(command("bob!", "hunter2hunter2", dummyAuth(null)))).isEqualTo(ErrorKind.INVALID_USERNAME);
        assertThat(refusalOf(command("1234", "hunter2hunter2", dummyAuth(null)))).isEqualTo(ErrorKind.INVALID_USERNAME);
        assertThat(refusalOf(command("irc_bob", "hunter2hunter2", dummyAuth(null)))).isEqualTo(ErrorKind.EXCLUSIVE);
        assertThat(refusalOf(command("bob", "short", dummyAuth(null)))).isEqualTo(ErrorKind.WEAK_PASSWORD);
        assertThat(refusalOf(command("bob", null, dummyAuth(null)))).isEqualTo(ErrorKind.MISSING_PARAM);
        assertThat(server.accounts.size()).isZero();
    }

    @Test
    void without_a_username_the_server_picks_one() {
        RegistrationResult result = server.registration.register(command(null, "hunter2hunter2", dummyAuth(null)));

        assertThat(result.userId()).isEqualTo(user("user1"));
    }

    @Test
    void inhibit_login_creates_the_account_but_no_device_or_token() {
        RegistrationResult result = server.registration.register(new RegisterCommand("user", "bob", "hunter2hunter2",
                null, null, true, false, dummyAuth(null), null));

        assertThat(result.session()).isEmpty();
        assertThat(server.accounts.exists(user("bob"))).isTrue();
        assertThat(server.devices.listFor(user("bob"))).isEmpty();
        assertThat(server.tokens.grantsOf(user("bob"))).isEmpty();
    }

    @Test
    void asking_for_a_refresh_token_gives_an_expiring_access_token() {
        RegistrationResult result = server.registration.register(new RegisterCommand("user", "bob", "hunter2hunter2",
                null, null, false, true, dummyAuth(null), null));

        assertThat(result.session()).hasValueSatisfying(s -> {
            assertThat(s.refreshToken()).isNotBlank();
            assertThat(s.expiresIn()).isEqualTo(TestHomeserver.REFRESHABLE_TOKEN_LIFETIME);
        });
    }

    @Test
    void a_closed_server_refuses_everyone() {
        TestHomeserver closed = TestHomeserver.builder().registrationDisabled().build();

        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> closed.registration.register(command("bob", "hunter2hunter2", dummyAuth(null))));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("Registration has been disabled");
    }

    @Test
    void an_unknown_or_expired_session_is_refused() {
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command("bob", "hunter2hunter2", null)));

        assertThat(refusalOf(command("bob", "hunter2hunter2", dummyAuth("no-such-session"))))
                .isEqualTo(ErrorKind.UNKNOWN);

        server.clock.advance(Duration.ofMinutes(31));
        DomainException expired = catchThrowableOfType(DomainException.class, () -> server.registration.register(
                command("bob", "hunter2hunter2", dummyAuth(challenge.session()))));
        assertThat(expired.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(expired.getMessage()).isEqualTo("Unknown session ID");
    }

    @Test
    void a_stage_not_offered_is_refused_as_unrecognized_and_the_session_stays_open() {
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command("bob", "hunter2hunter2", null)));

        UiaRequiredException wrongStage = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command("bob", "hunter2hunter2",
                        new UiaAuth(AuthTypes.PASSWORD, challenge.session(), "bob", "hunter2hunter2", null))));

        assertThat(wrongStage.error()).isEqualTo(ErrorKind.UNRECOGNIZED);
        assertThat(wrongStage.session()).isEqualTo(challenge.session());
        assertThat(server.registration.register(command("bob", "hunter2hunter2", dummyAuth(challenge.session())))
                .userId()).isEqualTo(user("bob"));
    }

    @Test
    void checking_availability_answers_without_registering() {
        server.register("bob", "hunter2hunter2");

        assertThatCode(() -> server.registration.checkAvailable("carol", null)).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(DomainException.class,
                () -> server.registration.checkAvailable("Bob", null)).kind()).isEqualTo(ErrorKind.USER_IN_USE);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> server.registration.checkAvailable("_bob", null)).kind()).isEqualTo(ErrorKind.INVALID_USERNAME);
        assertThat(server.accounts.exists(user("carol"))).isFalse();
    }

    @Test
    void one_address_may_register_only_a_few_times_in_a_row() {
        TestHomeserver limited = TestHomeserver.builder()
                .withRateLimits(new RateLimitSettings(true, new RateLimit(1000, 1000), new RateLimit(1000, 1000),
                        new RateLimit(1000, 1000), new RateLimit(0.5, 2)))
                .build();
        limited.registration.register(fromAddress("bob", "10.0.0.1"));
        limited.registration.register(fromAddress("carol", "10.0.0.1"));

        RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                () -> limited.registration.register(fromAddress("dave", "10.0.0.1")));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limited.registration.register(fromAddress("dave", "10.0.0.2")).userId()).isEqualTo(user("dave"));
        limited.clock.advance(Duration.ofSeconds(2));
        assertThat(limited.registration.register(fromAddress("erin", "10.0.0.1")).userId()).isEqualTo(user("erin"));
    }

    @Test
    void only_completed_registrations_count_against_the_address() {
        TestHomeserver limited = TestHomeserver.builder()
                .withRateLimits(new RateLimitSettings(true, new RateLimit(1000, 1000), new RateLimit(1000, 1000),
                        new RateLimit(1000, 1000), new RateLimit(0.5, 2)))
                .build();
        limited.register("taken", "hunter2hunter2");
        for (int i = 0; i < 5; i++) {
            catchThrowableOfType(UiaRequiredException.class, () -> limited.registration.register(
                    new RegisterCommand("user", "bob", "hunter2hunter2", null, null, false, false, null, "10.0.0.1")));
            catchThrowableOfType(DomainException.class, () -> limited.registration.register(
                    fromAddress("taken", "10.0.0.1")));
            limited.registration.checkAvailable("bob", "10.0.0.1");
        }

        limited.registration.register(fromAddress("bob", "10.0.0.1"));
        limited.registration.register(fromAddress("carol", "10.0.0.1"));

        // Once the address is over its limit, even the first step and availability checks are refused.
        assertThat(catchThrowableOfType(RateLimitedException.class, () -> limited.registration.register(
                new RegisterCommand("user", "dave", "hunter2hunter2", null, null, false, false, null, "10.0.0.1"))))
                .isNotNull();
        assertThat(catchThrowableOfType(RateLimitedException.class,
                () -> limited.registration.checkAvailable("dave", "10.0.0.1"))).isNotNull();
    }

    private ErrorKind refusalOf(RegisterCommand command) {
        return catchThrowableOfType(DomainException.class, () -> server.registration.register(command)).kind();
    }

    private static RegisterCommand command(String username, String password, UiaAuth auth) {
        return new RegisterCommand("user", username, password, null, null, false, false, auth, null);
    }

    private static RegisterCommand fromAddress(String username, String ip) {
        return new RegisterCommand("user", username, "hunter2hunter2", null, null, false, false, dummyAuth(null), ip);
    }
}
