package io.zhihang.application.scenario;

import io.zhihang.application.port.in.account.ChangePasswordCommand;
import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UnknownTokenException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.TestHomeserver.passwordAuth;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code POST /account/password}, behind the user's current password. */
class PasswordChangeScenarioTest {
    private static final UserId ALICE = user("alice");

    private final TestHomeserver server = TestHomeserver.open();
    private final IssuedSession phone;
    private final IssuedSession laptop;
    private final Requester onPhone;

    PasswordChangeScenarioTest() {
        server.register("alice", "correct horse");
        phone = server.login("alice", "correct horse", "PHONE");
        laptop = server.login("alice", "correct horse", "LAPTOP");
        onPhone = server.authenticate(phone);
    }

    @Test
    void a_wrong_current_password_keeps_the_session_for_another_try() {
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.accountService.changePassword(change(true, null)));
        assertThat(challenge.flows()).containsExactly(UiaFlow.of(AuthTypes.PASSWORD));
        assertThat(challenge.error()).isNull();

        UiaRequiredException wrong = catchThrowableOfType(UiaRequiredException.class,
                () -> server.accountService.changePassword(change(true,
                        passwordAuth(challenge.session(), ALICE, "wrong horse"))));
        assertThat(wrong.error()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(wrong.getMessage()).isEqualTo("Invalid password");
        assertThat(wrong.session()).isEqualTo(challenge.session());
        assertThat(wrong.completed()).isEmpty();
        assertThat(server.uiaSessions.find(challenge.session())).isPresent();
        assertThat(server.accounts.find(ALICE).orElseThrow().passwordHash()).isEqualTo("hash:correct horse");

        server.accountService.changePassword(change(true, passwordAuth(challenge.session(), ALICE, "correct horse")));

        assertThat(server.accounts.find(ALICE).orElseThrow().passwordHash()).isEqualTo("hash:battery staple");
        assertThat(server.uiaSessions.find(challenge.session())).isEmpty();
    }

    @Test
    void other_devices_are_logged_out_by_default() {
        server.accountService.changePassword(change(true, passwordAuth(null, ALICE, "correct horse")));

        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(laptop))).isNotNull();
        assertThat(server.authenticate(phone).userId()).isEqualTo(ALICE);
        assertThat(server.devices.listFor(ALICE)).singleElement()
                .satisfies(d -> assertThat(d.deviceId()).isEqualTo(new DeviceId("PHONE")));
        assertThat(server.login("alice", "battery staple", null).userId()).isEqualTo(ALICE);
    }

    @Test
    void other_devices_stay_when_logout_devices_is_false() {
        server.accountService.changePassword(change(false, passwordAuth(null, ALICE, "correct horse")));

        assertThat(server.authenticate(laptop).deviceId()).isEqualTo(new DeviceId("LAPTOP"));
        assertThat(server.devices.listFor(ALICE)).hasSize(3);
    }

    @Test
    void the_identifier_in_the_auth_must_be_the_logged_in_user() {
        server.register("bob", "bobs password");

        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.accountService.changePassword(change(true,
                        passwordAuth(null, user("bob"), "bobs password"))));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("Requested user is not the authenticated user");
        assertThat(server.accounts.find(ALICE).orElseThrow().passwordHash()).isEqualTo("hash:correct horse");
    }

    @Test
    void the_auth_may_leave_out_the_user_or_name_it_by_localpart() {
        server.accountService.changePassword(change(false,
                new UiaAuth(AuthTypes.PASSWORD, null, null, "correct horse", null)));
        server.accountService.changePassword(new ChangePasswordCommand(onPhone, "third password", false,
                new UiaAuth(AuthTypes.PASSWORD, null, "Alice", "battery staple", null)));

        assertThat(server.accounts.find(ALICE).orElseThrow().passwordHash()).isEqualTo("hash:third password");
    }

    @Test
    void a_weak_new_password_is_refused_before_asking_for_the_old_one() {
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.accountService.changePassword(new ChangePasswordCommand(onPhone, "short", true, null)));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.WEAK_PASSWORD);
        assertThatThrownBy(() -> new ChangePasswordCommand(onPhone, null, true, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.MISSING_PARAM));
    }

    @Test
    void a_session_started_for_deactivation_cannot_change_the_password() {
        UiaRequiredException deactivation = catchThrowableOfType(UiaRequiredException.class,
                () -> server.accountService.deactivate(onPhone, null, false));

        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.accountService.changePassword(change(true,
                        passwordAuth(deactivation.session(), ALICE, "correct horse"))));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("This authentication session belongs to another request");
        assertThat(server.accounts.find(ALICE).orElseThrow().passwordHash()).isEqualTo("hash:correct horse");
    }

    private ChangePasswordCommand change(boolean logoutDevices, UiaAuth auth) {
        return new ChangePasswordCommand(onPhone, "battery staple", logoutDevices, auth);
    }
}
