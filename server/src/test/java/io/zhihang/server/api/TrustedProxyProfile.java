package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * A server behind a trusted proxy on loopback: RestAssured always connects from 127.0.0.1, so a test speaks from any
 * address by sending {@code X-Forwarded-For}. The clock is the test's ({@link TestClock}), for expiries and retention.
 */
public class TrustedProxyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zhihang.security.trusted-proxies", "127.0.0.1/32,::1/128");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
