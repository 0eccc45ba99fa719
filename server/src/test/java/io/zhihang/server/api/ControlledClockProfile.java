package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * A server whose clock the test moves ({@link TestClock}), for rules that depend on time; it also has a TURN server
 * with a shared secret, whose credentials depend on the time.
 */
public class ControlledClockProfile implements QuarkusTestProfile {
    static final String TURN_SECRET = "coturn-static-auth-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "zhihang.turn.uris", "turn:turn.example.org?transport=udp,turns:turn.example.org:5349?transport=tcp",
                "zhihang.turn.shared-secret", TURN_SECRET,
                "zhihang.turn.user-lifetime", "PT2H");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
