package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.profile.Profile;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Display names and avatars: each user changes their own; a server admin may change anyone's. */
class ProfileScenarioTest {
    private static final UserId ALICE = user("alice");
    private static final UserId BOB = user("bob");

    private final TestHomeserver server = TestHomeserver.builder().withSharedSecret("s3cret").build();
    private final Requester alice;
    private final Requester bob;

    ProfileScenarioTest() {
        alice = server.authenticate(server.register("alice", "correct horse"));
        bob = server.authenticate(server.register("bob", "bobs password"));
    }

    @Test
    void a_new_user_is_shown_by_localpart_until_she_picks_a_name_and_avatar() {
        assertThat(server.profileService.profile(ALICE)).isEqualTo(new Profile("alice", null));

        server.profileService.setDisplayName(alice, ALICE, "Alice Liddell");
        server.profileService.setAvatarUrl(alice, ALICE, "mxc://example.org/rabbit");

        assertThat(server.profileService.profile(ALICE))
                .isEqualTo(new Profile("Alice Liddell", "mxc://example.org/rabbit"));
    }

    @Test
    void clearing_the_display_name_removes_it() {
        server.profileService.setDisplayName(alice, ALICE, "");

        assertThat(server.profileService.profile(ALICE).displayName()).isNull();
    }

    @Test
    void bob_may_not_change_alices_profile() {
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.profileService.setDisplayName(bob, ALICE, "Alice is Bob"));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> server.profileService.setAvatarUrl(bob, ALICE, "mxc://example.org/x")).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(server.profileService.profile(ALICE)).isEqualTo(new Profile("alice", null));
    }

    @Test
    void a_server_admin_may_change_anyones_profile() {
        String nonce = server.sharedSecretRegistration.newNonce();
        Requester admin = server.authenticate(server.sharedSecretRegistration.register(
                SharedSecretRegistrationScenarioTest.signed("s3cret", nonce, "root", "root password", true)));

        server.profileService.setDisplayName(admin, ALICE, "Moderated");

        assertThat(server.profileService.profile(ALICE).displayName()).isEqualTo("Moderated");
    }

    @Test
    void profiles_of_unknown_remote_or_deactivated_users_are_not_found() {
        server.accountService.deactivate(bob, new UiaAuth(AuthTypes.PASSWORD, null, null, "bobs password", null), false);

        assertThat(notFound(user("nobody"))).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(notFound(UserId.parse("@alice:elsewhere.org"))).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(notFound(BOB)).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(server.profiles.find(BOB)).contains(Profile.EMPTY);
    }

    @Test
    void a_display_name_over_256_characters_is_refused() {
        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> server.profileService.setDisplayName(alice, ALICE, "x".repeat(257)));

        assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    private ErrorKind notFound(UserId userId) {
        return catchThrowableOfType(DomainException.class, () -> server.profileService.profile(userId)).kind();
    }
}
