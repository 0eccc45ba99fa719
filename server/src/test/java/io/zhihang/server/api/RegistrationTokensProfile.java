package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/** Registration needs a token (one configured: {@link #CONFIGURED}), and the test moves the clock ({@link TestClock}). */
public class RegistrationTokensProfile implements QuarkusTestProfile {
    static final String CONFIGURED = "configured-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "zhihang.registration.requires-token", "true",
                "zhihang.registration.tokens", CONFIGURED);
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
