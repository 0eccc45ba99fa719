package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.IssuedSession;
import io.zhihang.domain.account.Device;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.DeviceId;
import io.zhihang.domain.shared.ErrorKind;
import io.zhihang.domain.shared.UnknownTokenException;
import io.zhihang.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.zhihang.application.scenario.TestHomeserver.REFRESHABLE_TOKEN_LIFETIME;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Access tokens, refresh tokens and logout. */
class SessionScenarioTest {
    private static final UserId ALICE = user("alice");

    private final TestHomeserver server = TestHomeserver.open();

    SessionScenarioTest() {
        server.register("alice", "correct horse");
    }

    @Test
    void an_access_token_names_the_user_device_and_grant() {
        IssuedSession session = server.login("alice", "correct horse", "PHONE");

        Requester requester = server.authenticate(session);

        assertThat(requester.userId()).isEqualTo(ALICE);
        assertThat(requester.deviceId()).isEqualTo(new DeviceId("PHONE"));
        assertThat(server.tokens.find(requester.tokenId())).isPresent();
        assertThat(requester.admin()).isFalse();
    }

    @Test
    void a_forged_or_unknown_token_is_refused_without_soft_logout() {
        UnknownTokenException forged = catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.authenticate("not-a-token"));
        UnknownTokenException unknown = catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.authenticate("tok.never-issued"));

        assertThat(forged.kind()).isEqualTo(ErrorKind.UNKNOWN_TOKEN);
        assertThat(forged.softLogout()).isFalse();
        assertThat(forged.getMessage()).isEqualTo("Invalid access token passed.");
        assertThat(unknown.softLogout()).isFalse();
        assertThat(unknown.getMessage()).isEqualTo("Access token has been revoked.");
    }

    @Test
    void a_long_lived_token_does_not_expire() {
        IssuedSession session = server.login("alice", "correct horse", null);

        server.clock.advance(Duration.ofDays(365));

        assertThat(server.authenticate(session).userId()).isEqualTo(ALICE);
    }

    @Test
    void a_refreshable_session_expires_softly_and_is_renewed_by_rotating_its_refresh_token() {
        IssuedSession first = server.loginRefreshable("alice", "correct horse", "PHONE");
        assertThat(first.expiresIn()).isEqualTo(REFRESHABLE_TOKEN_LIFETIME);
        assertThat(first.refreshToken()).isNotBlank();

        // Just before the end of its lifetime the token still works; at the end it is a soft logout.
        server.clock.advance(REFRESHABLE_TOKEN_LIFETIME.minusSeconds(1));
        assertThat(server.authenticate(first).userId()).isEqualTo(ALICE);
        server.clock.advance(Duration.ofSeconds(1));
        UnknownTokenException expired = catchThrowableOfType(UnknownTokenException.class,
                () -> server.authenticate(first));
        assertThat(expired.softLogout()).isTrue();
        assertThat(expired.getMessage()).isEqualTo("Access token has expired.");

        // The refresh token gives a new pair on the same device.
        IssuedSession second = server.tokenService.refresh(first.refreshToken());
        assertThat(second.deviceId()).isEqualTo(new DeviceId("PHONE"));
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.expiresIn()).isEqualTo(REFRESHABLE_TOKEN_LIFETIME);
        assertThat(server.authenticate(second).deviceId()).isEqualTo(new DeviceId("PHONE"));

        // Once the new access token has been used the old refresh token is revoked (spec, POST /refresh);
        // refresh tokens are stored only as their SHA-256.
        UnknownTokenException reused = catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.refresh(first.refreshToken()));
        assertThat(reused.softLogout()).isFalse();
        assertThat(server.tokens.grantsOf(ALICE)).filteredOn(g -> g.deviceId().equals(new DeviceId("PHONE")))
                .singleElement().satisfies(grant ->
                assertThat(grant.refreshTokenHash()).isNotEqualTo(second.refreshToken()).hasSize(64));

        // The renewed token expires in its turn.
        server.clock.advance(REFRESHABLE_TOKEN_LIFETIME);
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(second)).softLogout())
                .isTrue();
        assertThat(server.authenticate(server.tokenService.refresh(second.refreshToken())).userId()).isEqualTo(ALICE);
    }

    @Test
    void the_old_pair_stays_valid_until_the_new_access_token_is_used() {
        IssuedSession first = server.loginRefreshable("alice", "correct horse", null);

        IssuedSession second = server.tokenService.refresh(first.refreshToken());

        assertThat(server.authenticate(first).userId()).isEqualTo(ALICE);
        server.authenticate(second);
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(first)).softLogout())
                .isFalse();
        assertThat(catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.refresh(first.refreshToken()))).isNotNull();
    }

    @Test
    void a_client_that_lost_the_refresh_response_can_refresh_again() {
        IssuedSession first = server.loginRefreshable("alice", "correct horse", "PHONE");

        IssuedSession lost = server.tokenService.refresh(first.refreshToken());
        IssuedSession retried = server.tokenService.refresh(first.refreshToken());
        server.authenticate(retried);

        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(lost))).isNotNull();
        assertThat(catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.refresh(lost.refreshToken()))).isNotNull();
        assertThat(server.tokens.grantsOf(ALICE)).filteredOn(g -> g.deviceId().equals(new DeviceId("PHONE")))
                .singleElement().satisfies(grant -> assertThat(grant.previousTokenId()).isNull());
    }

    @Test
    void an_unknown_refresh_token_is_refused() {
        assertThat(catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.refresh("zhr_made-up")).getMessage()).isEqualTo("Unknown refresh token.");
    }

    @Test
    void logout_revokes_the_token_at_once_and_deletes_only_that_device() {
        IssuedSession phone = server.login("alice", "correct horse", "PHONE");
        IssuedSession laptop = server.login("alice", "correct horse", "LAPTOP");

        server.tokenService.logout(server.authenticate(phone));

        UnknownTokenException refused = catchThrowableOfType(UnknownTokenException.class,
                () -> server.authenticate(phone));
        assertThat(refused.softLogout()).isFalse();
        Requester onLaptop = server.authenticate(laptop);
        assertThat(server.deviceService.list(onLaptop)).extracting(Device::deviceId)
                .doesNotContain(new DeviceId("PHONE"))
                .contains(new DeviceId("LAPTOP"));
    }

    @Test
    void logout_after_refresh_leaves_no_way_back_in() {
        IssuedSession session = server.loginRefreshable("alice", "correct horse", "PHONE");

        server.tokenService.logout(server.authenticate(session));

        assertThat(catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.refresh(session.refreshToken()))).isNotNull();
    }

    @Test
    void logout_all_ends_every_session_of_the_user_and_no_one_elses() {
        server.register("bob", "bobs password");
        IssuedSession bob = server.login("bob", "bobs password", null);
        IssuedSession phone = server.login("alice", "correct horse", "PHONE");
        IssuedSession laptop = server.loginRefreshable("alice", "correct horse", "LAPTOP");

        server.tokenService.logoutAll(server.authenticate(laptop));

        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(phone))).isNotNull();
        assertThat(catchThrowableOfType(UnknownTokenException.class, () -> server.authenticate(laptop))).isNotNull();
        assertThat(catchThrowableOfType(UnknownTokenException.class,
                () -> server.tokenService.refresh(laptop.refreshToken()))).isNotNull();
        assertThat(server.devices.listFor(ALICE)).isEmpty();
        assertThat(server.tokens.grantsOf(ALICE)).isEmpty();
        assertThat(server.authenticate(bob).userId()).isEqualTo(user("bob"));
    }
}
