package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.application.port.in.auth.SharedSecretRegisterCommand;
import io.zhihang.domain.auth.SharedSecretMac;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static io.zhihang.application.scenario.TestHomeserver.SHARED_SECRET;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Synapse's {@code /_synapse/admin/v1/register}, as {@code register_new_matrix_user} uses it. */
class SharedSecretRegistrationScenarioTest {
    private final TestHomeserver server = TestHomeserver.builder().withSharedSecret(SHARED_SECRET).build();

    @Test
    void the_operator_creates_the_first_admin() {
        String nonce = server.sharedSecretRegistration.newNonce();

        IssuedSession session = server.sharedSecretRegistration.register(
                signed(SHARED_SECRET, nonce, "root", "root password", true));

        assertThat(session.userId()).isEqualTo(user("root"));
        assertThat(server.accounts.find(user("root"))).hasValueSatisfying(a -> assertThat(a.admin()).isTrue());
        assertThat(server.authenticate(session).admin()).isTrue();
        assertThat(server.profileService.profile(user("root"))).isEqualTo(new Profile("root", null));
        assertThat(server.login("root", "root password", null).userId()).isEqualTo(user("root"));
    }

    @Test
    void a_plain_user_with_a_display_name_and_an_upper_case_mac() {
        String nonce = server.sharedSecretRegistration.newNonce();
        String mac = SharedSecretMac.compute(SHARED_SECRET, nonce, "bob", "bobs password", false, null);

        IssuedSession session = server.sharedSecretRegistration.register(new SharedSecretRegisterCommand(nonce, "bob",
                "Bob the Builder", "bobs password", false, null, mac.toUpperCase(Locale.ROOT)));

        assertThat(server.authenticate(session).admin()).isFalse();
        assertThat(server.profileService.profile(user("bob")).displayName()).isEqualTo("Bob the Builder");
    }

    @Test
    void a_nonce_works_only_once() {
        String nonce = server.sharedSecretRegistration.newNonce();
        server.sharedSecretRegistration.register(signed(SHARED_SECRET, nonce, "root", "root password", true));

        DomainException replay = catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, nonce, "root2", "root password", true)));

        assertThat(replay.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(replay.getMessage()).isEqualTo("unrecognised nonce");
        assertThat(server.accounts.exists(user("root2"))).isFalse();
    }

    @Test
    void a_bad_mac_is_forbidden_and_uses_up_the_nonce() {
        String nonce = server.sharedSecretRegistration.newNonce();

        DomainException forged = catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed("guessed secret", nonce, "root", "root password", true)));

        assertThat(forged.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(forged.getMessage()).isEqualTo("HMAC incorrect");
        assertThat(server.accounts.exists(user("root"))).isFalse();
        assertThat(catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, nonce, "root", "root password", true))).kind())
                .isEqualTo(ErrorKind.UNKNOWN);
    }

    @Test
    void the_admin_flag_is_covered_by_the_mac() {
        String nonce = server.sharedSecretRegistration.newNonce();
        String macForPlainUser = SharedSecretMac.compute(SHARED_SECRET, nonce, "mallory", "mallorys password", false,
                null);

        DomainException refusal = catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(new SharedSecretRegisterCommand(nonce, "mallory", null, "mallorys password", true, null,
                        macForPlainUser)));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void a_nonce_lives_one_minute() {
        String nonce = server.sharedSecretRegistration.newNonce();

        server.clock.advance(Duration.ofSeconds(61));

        assertThat(catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, nonce, "root", "root password", true))).kind())
                .isEqualTo(ErrorKind.UNKNOWN);
    }

    @Test
    void a_nonce_never_issued_is_refused() {
        assertThat(catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, "made-up", "root", "root password", true))).kind())
                .isEqualTo(ErrorKind.UNKNOWN);
    }

    @Test
    void the_username_and_password_rules_still_apply() {
        String first = server.sharedSecretRegistration.newNonce();
        assertThat(catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, first, "_root", "root password", true))).kind())
                .isEqualTo(ErrorKind.INVALID_USERNAME);

        String second = server.sharedSecretRegistration.newNonce();
        assertThat(catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, second, "root", "short", true))).kind())
                .isEqualTo(ErrorKind.WEAK_PASSWORD);

        server.register("taken", "some password");
        String third = server.sharedSecretRegistration.newNonce();
        assertThat(catchThrowableOfType(DomainException.class, () -> server.sharedSecretRegistration
                .register(signed(SHARED_SECRET, third, "taken", "root password", true))).kind())
                .isEqualTo(ErrorKind.USER_IN_USE);
    }

    @Test
    void without_a_configured_secret_the_endpoint_is_off() {
        TestHomeserver withoutSecret = TestHomeserver.open();

        assertThatThrownBy(withoutSecret.sharedSecretRegistration::newNonce)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN);
                    assertThat(e.getMessage()).isEqualTo("Shared secret registration is not enabled");
                });
        assertThatThrownBy(() -> withoutSecret.sharedSecretRegistration.register(
                signed(SHARED_SECRET, "nonce", "root", "root password", true)))
                .isInstanceOf(DomainException.class);
    }

    static SharedSecretRegisterCommand signed(String secret, String nonce, String username, String password,
                                              boolean admin) {
        return new SharedSecretRegisterCommand(nonce, username, null, password, admin, null,
                SharedSecretMac.compute(secret, nonce, username, password, admin, null));
    }
}
