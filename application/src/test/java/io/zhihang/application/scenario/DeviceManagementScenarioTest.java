package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.application.service.devicelist.DeviceRenamed;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UnknownTokenException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.zhihang.application.scenario.TestHomeserver.dummyAuth;
import static io.zhihang.application.scenario.TestHomeserver.passwordAuth;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code /devices}: listing, renaming and deleting one's own devices. */
class DeviceManagementScenarioTest {
    private static final UserId ALICE = user("alice");
    private static final DeviceId PHONE = new DeviceId("PHONE");
    private static final DeviceId LAPTOP = new DeviceId("LAPTOP");
    private static final DeviceId TABLET = new DeviceId("TABLET");

    private final TestHomeserver server = TestHomeserver.open();
    private final IssuedSession laptop;
    private final IssuedSession tablet;
    private final Requester onPhone;

    DeviceManagementScenarioTest() {
        server.registration.register(new RegisterCommand("user", "alice",
                "correct horse", "PHONE", "Phone", false, false, dummyAuth(null), null));
        onPhone = server.authenticate(server.login("alice", "correct horse", "PHONE"));
        laptop = server.login("alice", "correct horse", "LAPTOP");
        tablet = server.login("alice", "correct horse", "TABLET");
    }

    @Test
    void alice_lists_renames_and_removes_her_old_devices() {
        assertThat(server.deviceService.list(onPhone)).extracting(Device::deviceId)
                .containsExactlyInAnyOrder(PHONE, LAPTOP, TABLET);

        server.deviceService.rename(onPhone, LAPTOP, "Work laptop");
        assertThat(server.deviceService.get(onPhone, LAPTOP).displayName()).isEqualTo("Work laptop");
        assertThat(server.deviceRenames.fired()).extracting(DeviceRenamed::device).containsExactly(LAPTOP);

        // Deleting asks for her password first; nothing is deleted yet.
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.deviceService.delete(onPhone, List.of(LAPTOP, TABLET), null));
        assertThat(challenge.flows()).containsExactly(UiaFlow.of(AuthTypes.PASSWORD));
        assertThat(server.deviceService.list(onPhone)).hasSize(3);

        server.deviceService.delete(onPhone, List.of(LAPTOP, TABLET),
                passwordAuth(challenge.session(), ALICE, "correct horse"));

        assertThat(server.deviceService.list(onPhone)).extracting(Device::deviceId).containsExactly(PHONE);
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(laptop))).isNotNull();
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(tablet))).isNotNull();
        assertThat(catchThrowableOfType(DomainException.class, () -> server.deviceService.get(onPhone, LAPTOP))
                .kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_wrong_password_deletes_nothing() {
        UiaRequiredException refusal = catchThrowableOfType(UiaRequiredException.class,
                () -> server.deviceService.delete(onPhone, List.of(LAPTOP), passwordAuth(null, ALICE, "wrong")));

        assertThat(refusal.error()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(server.authenticate(laptop).deviceId()).isEqualTo(LAPTOP);
    }

    @Test
    void deleting_unknown_devices_is_harmless() {
        server.deviceService.delete(onPhone, List.of(new DeviceId("GONE")), passwordAuth(null, ALICE, "correct horse"));

        assertThat(server.deviceService.list(onPhone)).hasSize(3);
    }

    @Test
    void bob_sees_and_touches_only_his_own_devices() {
        server.register("bob", "bobs password");
        Requester bob = server.authenticate(server.login("bob", "bobs password", "BOBPHONE"));

        assertThat(server.deviceService.list(bob)).extracting(Device::userId).containsOnly(user("bob"));
        assertThat(catchThrowableOfType(DomainException.class, () -> server.deviceService.get(bob, LAPTOP)).kind())
                .isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> server.deviceService.rename(bob, LAPTOP, "mine now")).kind()).isEqualTo(ErrorKind.NOT_FOUND);

        server.deviceService.delete(bob, List.of(LAPTOP), passwordAuth(null, user("bob"), "bobs password"));
        assertThat(server.authenticate(laptop).deviceId()).isEqualTo(LAPTOP);
    }

    @Test
    void bob_cannot_finish_a_session_alice_started() {
        server.register("bob", "bobs password");
        Requester bob = server.authenticate(server.login("bob", "bobs password", "BOBPHONE"));
        UiaRequiredException alices = catchThrowableOfType(UiaRequiredException.class,
                () -> server.deviceService.delete(onPhone, List.of(LAPTOP), null));

        DomainException refusal = catchThrowableOfType(DomainException.class, () -> server.deviceService.delete(bob,
                List.of(new DeviceId("BOBPHONE")), passwordAuth(alices.session(), user("bob"), "bobs password")));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(server.deviceService.list(bob)).isNotEmpty();
    }

    @Test
    void a_display_name_over_100_characters_is_refused() {
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.deviceService.rename(onPhone, LAPTOP, "x".repeat(101)));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }
}
