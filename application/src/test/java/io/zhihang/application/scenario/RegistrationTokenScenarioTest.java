package io.zhihang.application.scenario;

import io.zhihang.application.port.in.auth.RegisterCommand;
import io.zhihang.application.port.in.auth.UiaAuth;
import io.zhihang.application.port.in.auth.UiaRequiredException;
import io.zhihang.domain.auth.AuthTypes;
import io.zhihang.domain.auth.UiaFlow;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static io.zhihang.application.scenario.TestHomeserver.dummyAuth;
import static io.zhihang.application.scenario.TestHomeserver.tokenAuth;
import static io.zhihang.application.scenario.TestHomeserver.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A server that lets in only those holding a registration token ({@code m.login.registration_token}). */
class RegistrationTokenScenarioTest {
    private final TestHomeserver server = TestHomeserver.builder().requiringRegistrationTokens("friends-2025").build();

    @Test
    void a_friend_with_the_token_registers_after_a_wrong_guess() {
        // The server asks for a registration token, not a dummy stage.
        UiaRequiredException challenge = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command(null)));
        assertThat(challenge.flows()).containsExactly(UiaFlow.of(AuthTypes.REGISTRATION_TOKEN));

        // A mistyped token is refused as unauthorized; the session stays open for another try.
        UiaRequiredException wrong = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command(tokenAuth(challenge.session(), "friends-2024"))));
        assertThat(wrong.error()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThat(wrong.getMessage()).isEqualTo("Invalid registration token");
        assertThat(wrong.session()).isEqualTo(challenge.session());
        assertThat(wrong.completed()).isEmpty();
        assertThat(server.accounts.exists(user("bob"))).isFalse();

        // The right token completes the registration.
        assertThat(server.registration.register(command(tokenAuth(challenge.session(), "friends-2025"))).userId())
                .isEqualTo(user("bob"));
    }

    @Test
    void the_dummy_stage_does_not_get_around_the_token() {
        UiaRequiredException refusal = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command(dummyAuth(null))));

        assertThat(refusal.error()).isEqualTo(ErrorKind.UNRECOGNIZED);
        assertThat(server.accounts.exists(user("bob"))).isFalse();
    }

    @Test
    void a_missing_token_is_refused() {
        UiaRequiredException refusal = catchThrowableOfType(UiaRequiredException.class,
                () -> server.registration.register(command(
                        new UiaAuth(AuthTypes.REGISTRATION_TOKEN, null, null, null, null))));

        assertThat(refusal.error()).isEqualTo(ErrorKind.UNAUTHORIZED);
    }

    @Test
    void the_token_works_in_one_step_too() {
        assertThat(server.registration.register(command(tokenAuth(null, "friends-2025"))).userId())
                .isEqualTo(user("bob"));
    }

    private static RegisterCommand command(UiaAuth auth) {
        return new RegisterCommand("user", "bob", "hunter2hunter2", null, null, false, false, auth, null);
    }
}
