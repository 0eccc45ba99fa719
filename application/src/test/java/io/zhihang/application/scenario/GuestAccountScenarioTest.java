package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.RegistrationResult;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.TestHomeserver.dummyAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A guest account from {@code POST /register?kind=guest}, and its upgrade to a full account. */
class GuestAccountScenarioTest {
    private final TestHomeserver server = TestHomeserver.open();

    private IssuedSession guest() {
        return server.registration.register(new RegisterCommand("guest", null, null, null, null, false, false, null,
                null)).session().orElseThrow();
    }

    private static RegisterCommand upgrade(String username, String guestToken, String session) {
        return new RegisterCommand("user", username, "hunter2hunter2", null, null, false, false, dummyAuth(session),
                null, guestToken);
    }

    @Test
    void a_guest_has_a_numeric_user_id_the_guest_device_and_no_password() {
        IssuedSession guest = guest();

        assertThat(guest.userId().localpart()).matches("[0-9]+");
        assertThat(guest.deviceId().value()).isEqualTo("guest_device");
        Requester requester = server.authenticate(guest);
        assertThat(requester.guest()).isTrue();
        assertThat(server.accounts.find(guest.userId())).hasValueSatisfying(a -> {
            assertThat(a.guest()).isTrue();
            assertThat(a.passwordHash()).isNull();
        });
        assertThat(catchThrowableOfType(DomainException.class, requester::ensureNotGuest).kind())
                .isEqualTo(ErrorKind.GUEST_ACCESS_FORBIDDEN);
    }

    @Test
    void guests_may_come_when_registration_is_closed_but_not_when_guest_access_is_off() {
        TestHomeserver closed = TestHomeserver.builder().registrationDisabled().build();
        assertThat(closed.registration.register(new RegisterCommand("guest", null, null, null, null, false, false,
                null, null)).userId().localpart()).matches("[0-9]+");

        TestHomeserver noGuests = TestHomeserver.builder().guestAccessDisabled().build();
        DomainException refusal = catchThrowableOfType(DomainException.class, () -> noGuests.registration.register(
                new RegisterCommand("guest", null, null, null, null, false, false, null, null)));
        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(refusal.getMessage()).isEqualTo("Guest access is disabled");
    }

    @Test
    void a_guest_upgrades_in_two_steps_and_keeps_its_user_id() {
        IssuedSession guest = guest();
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(new RegisterCommand("user", null, "hunter2hunter2", null, null,
                        false, false, null, null, guest.accessToken())));

        RegistrationResult result = server.registration.register(
                new RegisterCommand("user", null, null, null, null, false, false, dummyAuth(challenge.session()),
                        null, null));

        assertThat(result.userId()).isEqualTo(guest.userId());
        assertThat(server.authenticate(guest).guest()).as("the guest's own token is now a user's").isFalse();
        assertThat(server.accounts.find(guest.userId())).hasValueSatisfying(a -> {
            assertThat(a.guest()).isFalse();
            assertThat(a.passwordHash()).isEqualTo("hash:hunter2hunter2");
        });
        assertThat(server.login(guest.userId().toString(), "hunter2hunter2", null).userId())
                .isEqualTo(guest.userId());
    }

    @Test
    void an_upgrade_with_another_name_or_a_users_token_is_refused() {
        IssuedSession guest = guest();
        DomainException otherName = catchThrowableOfType(DomainException.class,
                () -> server.registration.register(upgrade("bob", guest.accessToken(), null)));
        assertThat(otherName.kind()).isEqualTo(ErrorKind.FORBIDDEN);

        IssuedSession alice = server.register("alice", "hunter2hunter2");
        DomainException notAGuest = catchThrowableOfType(DomainException.class,
                () -> server.registration.register(upgrade(null, alice.accessToken(), null)));
        assertThat(notAGuest.kind()).isEqualTo(ErrorKind.FORBIDDEN);

        RegistrationResult sameName = server.registration.register(
                upgrade(guest.userId().localpart(), guest.accessToken(), null));
        assertThat(sameName.userId()).isEqualTo(guest.userId());
        DomainException twice = catchThrowableOfType(DomainException.class,
                () -> server.registration.register(upgrade(null, guest.accessToken(), null)));
        assertThat(twice.kind()).as("an upgraded guest is a guest no more").isEqualTo(ErrorKind.FORBIDDEN);
    }
}
