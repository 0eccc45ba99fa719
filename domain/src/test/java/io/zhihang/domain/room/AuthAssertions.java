package io.zhihang.domain.room;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on a {@link Decision} that print the reason of an unexpected denial. */
final class AuthAssertions {
    private AuthAssertions() {
    }

    static void assertAllowed(Decision decision) {
        assertThat(decision).isEqualTo(Decision.allow());
    }

    static void assertDenied(Decision decision, String reasonFragment) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Denied.class,
                denied -> assertThat(denied.reason()).containsIgnoringCase(reasonFragment));
    }
}
