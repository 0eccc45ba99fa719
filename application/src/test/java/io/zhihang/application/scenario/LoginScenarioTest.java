package io.zhihang.application.scenario;

import io.zhihang.application.config.RateLimitSettings;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.LoginCommand;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.ratelimit.RateLimit;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.RateLimitedException;
import io.zhihang.domain.shared.UnknownTokenException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static io.zhihang.application.scenario.TestHomeserver.passwordAuth;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** {@code POST /login} with a password. */
class LoginScenarioTest {
    private static final UserId ALICE = user("alice");

    private final TestHomeserver server = TestHomeserver.open();

    LoginScenarioTest() {
        server.register("alice", "correct horse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "ALICE", "@alice:example.org", "@Alice:example.org"})
    void alice_may_name_herself_by_localpart_or_full_id_in_any_case(String identifier) {
        IssuedSession session = server.login(identifier, "correct horse", null);

        assertThat(session.userId()).isEqualTo(ALICE);
        assertThat(server.authenticate(session).userId()).isEqualTo(ALICE);
    }

    @Test
    void the_legacy_form_without_an_identifier_type_works_too() {
        IssuedSession session = server.login.login(new LoginCommand(AuthTypes.PASSWORD, null, "alice",
                "correct horse", null, null, false, null));

        assertThat(session.userId()).isEqualTo(ALICE);
    }

    @Test
    void each_login_without_a_device_id_gets_a_new_device_with_the_display_name_given() {
        IssuedSession first = server.login.login(new LoginCommand(AuthTypes.PASSWORD, AuthTypes.ID_USER, "alice",
                "correct horse", null, "Alice's tablet", false, "192.0.2.1"));
        IssuedSession second = server.login("alice", "correct horse", null);

        assertThat(first.deviceId()).isNotEqualTo(second.deviceId());
        assertThat(server.devices.find(ALICE, first.deviceId())).hasValueSatisfying(d -> {
            assertThat(d.displayName()).isEqualTo("Alice's tablet");
            assertThat(d.lastSeenIp()).isEqualTo("192.0.2.1");
            assertThat(d.lastSeenTs()).isEqualTo(server.clock.instant());
        });
    }

    @Test
    void a_wrong_password_and_an_unknown_user_look_the_same() {
        DomainException wrongPassword = catchThrowableOfType(DomainException.class,
                () -> server.login("alice", "wrong horse", null));
        DomainException unknownUser = catchThrowableOfType(DomainException.class,
                () -> server.login("nobody", "correct horse", null));
        DomainException remoteUser = catchThrowableOfType(DomainException.class,
                () -> server.login("@alice:elsewhere.org", "correct horse", null));
        DomainException unparsable = catchThrowableOfType(DomainException.class,
                () -> server.login("al ice", "correct horse", null));

        assertThat(List.of(wrongPassword, unknownUser, remoteUser, unparsable)).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(e.getMessage()).isEqualTo("Invalid username or password");
        });
        assertThat(server.hasher.simulatedVerifications()).as("unknown users still cost a hash").isEqualTo(2);
    }

    @Test
    void only_password_login_is_known() {
        assertThatThrownBy(() -> new LoginCommand("m.login.token", null, "alice", "x", null, null, false, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN));
        assertThatThrownBy(() -> new LoginCommand(AuthTypes.PASSWORD, "m.id.thirdparty", "alice", "x", null, null,
                false, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN));
        assertThatThrownBy(() -> new LoginCommand(AuthTypes.PASSWORD, null, "", "x", null, null, false, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.MISSING_PARAM));
    }

    @Test
    void logging_in_again_on_the_same_device_revokes_its_old_token() {
        IssuedSession first = server.login("alice", "correct horse", "PHONE");
        server.deviceService.rename(server.authenticate(first), new DeviceId("PHONE"), "My phone");

        IssuedSession second = server.login.login(new LoginCommand(AuthTypes.PASSWORD, AuthTypes.ID_USER, "alice",
                "correct horse", "PHONE", "Ignored name", false, null));

        assertThat(second.deviceId()).isEqualTo(first.deviceId());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(first)).getMessage())
                .isEqualTo("Access token has been revoked.");
        assertThat(server.authenticate(second).deviceId()).isEqualTo(new DeviceId("PHONE"));
        assertThat(server.devices.listFor(ALICE)).extracting(Device::deviceId, Device::displayName)
                .contains(tuple(new DeviceId("PHONE"), "My phone"));
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_for_a_while() {
        TestHomeserver limited = TestHomeserver.builder()
                .withRateLimits(new RateLimitSettings(true, new RateLimit(1000, 1000), new RateLimit(1000, 1000),
                        new RateLimit(0.1, 3), new RateLimit(1000, 1000)))
                .build();
        limited.register("alice", "correct horse");
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(DomainException.class,
                    () -> limited.login("alice", "wrong horse", null)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        }

        // Even the right password is refused now, with the time to wait.
        RateLimitedException refusal = catchThrowableOfType(RateLimitedException.class,
                () -> limited.login("alice", "correct horse", null));
        assertThat(refusal.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(10));

        // Other accounts are not affected.
        limited.register("bob", "bobs password");
        assertThat(limited.login("bob", "bobs password", null).userId()).isEqualTo(user("bob"));

        // After the wait Alice gets in; a successful login does not count as a failure.
        limited.clock.advance(Duration.ofSeconds(10));
        assertThat(limited.login("ALICE", "correct horse", null).userId()).isEqualTo(ALICE);
        assertThat(limited.login("alice", "correct horse", null).userId()).isEqualTo(ALICE);
    }

    @Test
    void one_address_may_only_try_so_often() {
        TestHomeserver limited = TestHomeserver.builder()
                .withRateLimits(new RateLimitSettings(true, new RateLimit(1, 2), new RateLimit(1000, 1000),
                        new RateLimit(1000, 1000), new RateLimit(1000, 1000)))
                .build();
        limited.register("alice", "correct horse");
        LoginCommand fromAddress = new LoginCommand(AuthTypes.PASSWORD, AuthTypes.ID_USER, "alice", "correct horse",
                null, null, false, "198.51.100.7");
        limited.login.login(fromAddress);
        limited.login.login(fromAddress);

        assertThat(catchThrowableOfType(RateLimitedException.class, () -> limited.login.login(fromAddress))
                .retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_deactivated_account_is_told_so_only_with_the_right_password() {
        server.accountService.deactivate(server.authenticate(server.login("alice", "correct horse", null)),
                passwordAuth(null, ALICE, "correct horse"), false);

        assertThat(catchThrowableOfType(DomainException.class,
                () -> server.login("alice", "wrong horse", null)).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.login("alice", "correct horse", null));
        assertThat(refusal.kind()).isEqualTo(ErrorKind.USER_DEACTIVATED);
        assertThat(refusal.getMessage()).isEqualTo("This account has been deactivated");
    }
}
