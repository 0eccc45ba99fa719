package io.zhihang.application.scenario;

import io.zhihang.application.port.in.account.ChangePasswordCommand;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.RegistrationResult;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UnknownTokenException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.zhihang.application.scenario.TestHomeserver.dummyAuth;
import static io.zhihang.application.scenario.TestHomeserver.passwordAuth;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The whole life of an account, from registration to deactivation, told as one story
 * (after dddsample's {@code CargoLifecycleScenarioTest}).
 */
class AccountLifecycleScenarioTest {
    private static final UserId ALICE = user("alice");

    private final TestHomeserver server = TestHomeserver.open();

    @Test
    void alice_registers_uses_two_devices_changes_her_password_and_finally_leaves() {
        // Alice asks to register; the server wants User-Interactive Authentication first.
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class, () ->
                server.registration.register(new RegisterCommand("user", "Alice", "correct horse", "PHONE",
                        "Alice's phone", false, false, null, "10.0.0.1")));
        assertThat(challenge.flows()).containsExactly(UiaFlow.of(AuthTypes.DUMMY));
        assertThat(challenge.session()).isNotBlank();
        assertThat(challenge.completed()).isEmpty();
        assertThat(challenge.error()).isNull();
        assertThat(server.accounts.exists(ALICE)).isFalse();

        // She completes the dummy stage in the session she was given and gets an account and a device.
        RegistrationResult registered = server.registration.register(new RegisterCommand("user", "Alice",
                "correct horse", "PHONE", "Alice's phone", false, false, dummyAuth(challenge.session()), "10.0.0.1"));
        assertThat(registered.userId()).isEqualTo(ALICE);
        IssuedSession phone = registered.session().orElseThrow();
        assertThat(phone.deviceId()).isEqualTo(new DeviceId("PHONE"));
        assertThat(server.profileService.profile(ALICE)).isEqualTo(new Profile("alice", null));
        Requester onPhone = server.authenticate(phone);
        assertThat(onPhone.userId()).isEqualTo(ALICE);
        assertThat(onPhone.admin()).isFalse();

        // The session now only answers a repeat of its last request, for her.
        assertThat(server.uiaSessions.find(challenge.session()))
                .hasValueSatisfying(s -> assertThat(s.result()).isEqualTo(ALICE.toString()));

        // She picks a display name from her phone.
        server.profileService.setDisplayName(onPhone, ALICE, "Alice Liddell");
        assertThat(server.profileService.profile(ALICE).displayName()).isEqualTo("Alice Liddell");

        // She logs in on her laptop too, typing her name in capitals.
        IssuedSession laptop = server.login("ALICE", "correct horse", null);
        assertThat(laptop.userId()).isEqualTo(ALICE);
        assertThat(server.deviceService.list(onPhone)).extracting(Device::deviceId)
                .containsExactlyInAnyOrder(new DeviceId("PHONE"), laptop.deviceId());

        // From her phone she changes her password; the server wants her current one.
        UiaRequiredException askPassword = catchThrowableOfType(UiaRequiredException.class, () ->
                server.accountService.changePassword(new ChangePasswordCommand(onPhone, "new password", true, null)));
        assertThat(askPassword.flows()).containsExactly(UiaFlow.of(AuthTypes.PASSWORD));
        server.accountService.changePassword(new ChangePasswordCommand(onPhone, "new password", true,
                passwordAuth(askPassword.session(), ALICE, "correct horse")));

        // Her laptop is logged out; her phone is not.
        UnknownTokenException laptopRefused = catchThrowableOfType(UnknownTokenException.class,
                () -> server.authenticate(laptop));
        assertThat(laptopRefused.softLogout()).isFalse();
        assertThat(server.authenticate(phone).deviceId()).isEqualTo(new DeviceId("PHONE"));
        assertThat(server.deviceService.list(onPhone)).extracting(Device::deviceId)
                .containsExactly(new DeviceId("PHONE"));

        // Only the new password opens a session now.
        DomainException oldPassword = catchThrowableOfType(DomainException.class,
                () -> server.login("alice", "correct horse", null));
        assertThat(oldPassword.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        IssuedSession laptopAgain = server.login("@alice:example.org", "new password", null);

        // A day later she deactivates her account from the laptop.
        server.clock.advance(Duration.ofDays(1));
        Requester onLaptop = server.authenticate(laptopAgain);
        UiaRequiredException confirm = catchThrowableOfType(UiaRequiredException.class,
                () -> server.accountService.deactivate(onLaptop, null, false));
        server.accountService.deactivate(onLaptop, passwordAuth(confirm.session(), ALICE, "new password"), false);

        // Every session of hers is gone, her profile is no longer visible, and she cannot log in again.
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(phone)))
                .isNotNull();
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(laptopAgain)))
                .isNotNull();
        assertThat(server.devices.listFor(ALICE)).isEmpty();
        assertThat(server.tokens.grantsOf(ALICE)).isEmpty();
        assertThat(catchThrowableOfType(DomainException.class, () -> server.profileService.profile(ALICE)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        DomainException deactivated = catchThrowableOfType(DomainException.class,
                () -> server.login("alice", "new password", null));
        assertThat(deactivated.kind()).isEqualTo(ErrorKind.USER_DEACTIVATED);

        // Her name stays taken.
        DomainException taken = catchThrowableOfType(DomainException.class,
                () -> server.register("alice", "another password"));
        assertThat(taken.kind()).isEqualTo(ErrorKind.USER_IN_USE);
        assertThat(server.accounts.size()).isEqualTo(1);
        assertThat(server.accounts.find(ALICE)).hasValueSatisfying(a -> assertThat(a.deactivated()).isTrue());
    }
}
