package io.zhihang.server.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A server with registration and guest access switched off and no shared secret. */
public class ClosedServerProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zhihang.registration.enabled", "false", "zhihang.registration.shared-secret", "",
                "zhihang.registration.allow-guest-access", "false");
    }
}
